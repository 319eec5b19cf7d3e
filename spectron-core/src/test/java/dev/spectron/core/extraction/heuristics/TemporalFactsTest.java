package dev.spectron.core.extraction.heuristics;

import static dev.spectron.core.extraction.heuristics.Turns.attribute;
import static dev.spectron.core.extraction.heuristics.Turns.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.spectron.core.extraction.ExtractedAttribute;
import dev.spectron.core.extraction.ExtractedRelation;
import dev.spectron.core.extraction.ExtractedUncertainty;
import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.memory.MemoryCategory;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemporalFactsTest {
    @Test
    void a_temporal_phrase_sets_valid_from_of_the_facts_in_its_sentence() {
        Extraction extraction = user("I moved to Porto last month.");
        Instant firstOfApril = Instant.parse("2026-04-01T00:00:00Z");

        assertThat(attribute(extraction, "home").validFrom()).isEqualTo(firstOfApril);
        assertThat(extraction.relations()).extracting(ExtractedRelation::validFrom).containsExactly(firstOfApril);
    }

    @Test
    void valid_from_is_local_midnight_in_the_speakers_zone() {
        Extraction extraction = user("I moved to Porto yesterday.", Instant.parse("2026-05-13T03:00:00Z"), ZoneId.of("America/Los_Angeles"));

        assertThat(attribute(extraction, "home").validFrom()).isEqualTo(Instant.parse("2026-05-11T07:00:00Z"));
    }

    @Test
    void a_phrase_in_another_sentence_does_not_date_the_fact() {
        assertThat(attribute(user("I live in Lisbon. Yesterday was fun."), "home").validFrom()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I went to a concert yesterday.        | went to a concert (2026-05-12)               | 2026-05-12T00:00:00Z
            I'm flying to Rome next Friday.       | flying to Rome (2026-05-15)                  | 2026-05-15T00:00:00Z
            I started pottery last month.         | started pottery (2026-04)                    | 2026-04-01T00:00:00Z
            Yesterday, I went hiking with friends. | went hiking with friends (2026-05-12)       | 2026-05-12T00:00:00Z
            I'll visit Rome next week.            | will visit Rome (2026-05-18..2026-05-24)     | 2026-05-18T00:00:00Z
            I saw Dune on Friday and loved it.    | saw Dune (2026-05-08)                        | 2026-05-08T00:00:00Z
            """)
    void a_dated_first_person_event_is_a_context_activity_with_the_absolute_date(String text, String activity, Instant validFrom) {
        assertThat(attribute(user(text), "activity")).extracting(ExtractedAttribute::value, ExtractedAttribute::category,
                ExtractedAttribute::validFrom).containsExactly(activity, MemoryCategory.CONTEXT, validFrom);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I go to the gym on Fridays.", "I have a meeting on Friday.", "That's the parade I went to last week.",
        "I wanted to tell you about it yesterday."})
    void habits_plans_without_a_verb_and_relative_clauses_are_no_activity(String text) {
        assertThat(user(text).attributes()).isEmpty();
    }

    @Test
    void a_more_specific_fact_in_the_sentence_replaces_the_activity() {
        assertThat(user("I joined Globex in January.").attributes())
                .extracting(ExtractedAttribute::key, ExtractedAttribute::value, ExtractedAttribute::validFrom)
                .containsExactly(tuple("employer", "Globex", Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void an_unresolvable_date_leaves_valid_from_open_and_records_an_uncertainty() {
        Extraction extraction = user("I moved to Porto on 05/08/2023.");

        assertThat(attribute(extraction, "home").validFrom()).isNull();
        assertThat(extraction.uncertainties()).containsExactly(
                new ExtractedUncertainty("user.home", "unresolvable date: 05/08/2023"),
                new ExtractedUncertainty("user.lives_in", "unresolvable date: 05/08/2023"));
    }
}
