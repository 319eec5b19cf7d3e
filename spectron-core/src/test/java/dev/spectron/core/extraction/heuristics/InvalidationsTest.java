package dev.spectron.core.extraction.heuristics;

import static dev.spectron.core.extraction.ExtractedInvalidation.Target.ATTRIBUTE;
import static dev.spectron.core.extraction.ExtractedInvalidation.Target.RELATION;
import static dev.spectron.core.extraction.heuristics.Turns.USER;
import static dev.spectron.core.extraction.heuristics.Turns.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.spectron.core.extraction.ExtractedInvalidation;
import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.extraction.Span;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvalidationsTest {
    @Test
    void no_longer_living_somewhere_closes_home_and_lives_in() {
        Extraction extraction = user("I no longer live in Lisbon.");

        assertThat(extraction.invalidations()).containsExactly(
                new ExtractedInvalidation(USER, ATTRIBUTE, "home", "Lisbon", new Span(0, 27), null),
                new ExtractedInvalidation(USER, RELATION, "lives_in", "Lisbon", new Span(0, 27), null));
        assertThat(extraction.attributes()).isEmpty();
        assertThat(extraction.relations()).isEmpty();
    }

    @Test
    void moving_out_last_week_closes_home_from_that_week() {
        assertThat(user("I moved out of Berlin last week.").invalidations())
                .extracting(ExtractedInvalidation::keyOrLabel, ExtractedInvalidation::value, ExtractedInvalidation::validUntil)
                .containsExactly(tuple("home", "Berlin", Instant.parse("2026-05-04T00:00:00Z")),
                        tuple("lives_in", "Berlin", Instant.parse("2026-05-04T00:00:00Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"I no longer work at Acme.", "I quit my job at Acme.", "I left Acme.", "I don't work for Acme anymore."})
    void leaving_a_named_employer_closes_that_employer(String text) {
        assertThat(user(text).invalidations()).extracting(ExtractedInvalidation::target, ExtractedInvalidation::keyOrLabel,
                ExtractedInvalidation::value).containsExactly(tuple(ATTRIBUTE, "employer", "Acme"), tuple(RELATION, "works_at", "Acme"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"I quit my job.", "I got laid off.", "I retired last year, finally."})
    void leaving_an_unnamed_job_closes_every_employer(String text) {
        assertThat(user(text).invalidations()).extracting(ExtractedInvalidation::keyOrLabel, ExtractedInvalidation::value)
                .containsExactly(tuple("employer", null), tuple("works_at", null));
    }

    @Test
    void breaking_up_closes_partner_and_spouse_relations() {
        assertThat(user("We broke up.").invalidations()).extracting(ExtractedInvalidation::target, ExtractedInvalidation::keyOrLabel,
                ExtractedInvalidation::value).containsExactly(tuple(RELATION, "partner_of", null), tuple(RELATION, "spouse_of", null));
        assertThat(user("I broke up with Sam.").invalidations()).extracting(ExtractedInvalidation::value).containsExactly("Sam", "Sam");
    }

    @Test
    void a_divorce_last_year_ends_at_the_start_of_last_year() {
        assertThat(user("I divorced Sam last year.").invalidations()).extracting(ExtractedInvalidation::validUntil)
                .containsOnly(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void no_longer_having_a_pet_closes_that_species() {
        assertThat(user("I don't have a dog anymore.").invalidations()).extracting(ExtractedInvalidation::target,
                ExtractedInvalidation::keyOrLabel, ExtractedInvalidation::value).containsExactly(tuple(ATTRIBUTE, "pet", "dog"));
    }

    @Test
    void a_named_pet_that_died_closes_its_relation_instead_of_asserting_it() {
        Extraction extraction = user("My dog Rex died.");

        assertThat(extraction.invalidations()).extracting(ExtractedInvalidation::keyOrLabel, ExtractedInvalidation::value)
                .containsExactly(tuple("has_pet", "Rex"));
        assertThat(extraction.relations()).isEmpty();
    }

    @Test
    void diet_likes_and_habits_can_end() {
        assertThat(user("I'm not vegetarian anymore.").invalidations()).extracting(ExtractedInvalidation::keyOrLabel,
                ExtractedInvalidation::value).containsExactly(tuple("diet", "vegetarian"));
        assertThat(user("I stopped smoking.").invalidations()).extracting(ExtractedInvalidation::keyOrLabel,
                ExtractedInvalidation::value).containsExactly(tuple("hobby", "smoking"));
    }

    @Test
    void no_longer_liking_something_is_an_invalidation_not_a_dislike() {
        Extraction extraction = user("I don't like coffee anymore.");

        assertThat(extraction.invalidations()).extracting(ExtractedInvalidation::keyOrLabel, ExtractedInvalidation::value)
                .containsExactly(tuple("likes", "coffee"));
        assertThat(extraction.attributes()).isEmpty();
    }
}
