package dev.spectron.core.extraction.heuristics;

import static dev.spectron.core.extraction.heuristics.Turns.USER;
import static dev.spectron.core.extraction.heuristics.Turns.attribute;
import static dev.spectron.core.extraction.heuristics.Turns.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.spectron.core.extraction.ExtractedAttribute;
import dev.spectron.core.extraction.ExtractedEntity;
import dev.spectron.core.extraction.ExtractedRelation;
import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.EntityType;
import dev.spectron.core.memory.MemoryCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityAndWorkTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I'm 34.                      | 34
            I am 34 years old.           | 34
            I just turned 40!            | 40
            Well, I'm 29 and I'm a nurse | 29
            """)
    void age_is_the_number_as_said(String text, String age) {
        assertThat(attribute(user(text), "age")).extracting(ExtractedAttribute::value, ExtractedAttribute::category)
                .containsExactly(age, MemoryCategory.IDENTITY);
    }

    @Test
    void numbers_that_are_not_ages_are_ignored() {
        assertThat(user("I'm 5 minutes late.").attributes()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I live in Lisbon.              | Lisbon
            I moved to Porto.              | Porto
            I'm based in Berlin.           | Berlin
            We relocated to Oslo.          | Oslo
            I've just moved to Rio de Janeiro. | Rio de Janeiro
            I live in the Netherlands now. | Netherlands
            """)
    void home_is_an_attribute_and_a_lives_in_relation(String text, String place) {
        Extraction extraction = user(text);

        assertThat(attribute(extraction, "home")).extracting(ExtractedAttribute::entity, ExtractedAttribute::value,
                ExtractedAttribute::category, ExtractedAttribute::confidence).containsExactly(USER, place, MemoryCategory.IDENTITY, 0.9);
        assertThat(extraction.relations()).extracting(ExtractedRelation::subject, ExtractedRelation::label, ExtractedRelation::object)
                .containsExactly(tuple(USER, "lives_in", new EntityRef(EntityType.LOCATION, place)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I'm from Brazil.               | Brazil
            I grew up in Leeds.            | Leeds
            I'm originally from New York.  | New York
            """)
    void hometown_is_an_attribute_with_a_location_entity(String text, String place) {
        Extraction extraction = user(text);

        assertThat(attribute(extraction, "hometown").value()).isEqualTo(place);
        assertThat(extraction.entities()).extracting(ExtractedEntity::ref).contains(new EntityRef(EntityType.LOCATION, place));
        assertThat(extraction.relations()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I work at Acme.                 | Acme
            I work for the NHS.             | NHS
            I joined Globex last week.      | Globex
            I got a job at Initech!         | Initech
            I've been working at Bank of America for years. | Bank of America
            """)
    void employer_is_an_attribute_and_a_works_at_relation(String text, String organisation) {
        Extraction extraction = user(text);

        assertThat(attribute(extraction, "employer").value()).isEqualTo(organisation);
        assertThat(extraction.relations()).extracting(ExtractedRelation::label, ExtractedRelation::object)
                .containsExactly(tuple("works_at", new EntityRef(EntityType.ORGANISATION, organisation)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I work as a nurse.                   | nurse
            I'm a software engineer by trade.    | software engineer
            My job is teaching.                  | teaching
            I'm a nurse.                         | nurse
            I am an architect in Lisbon.         | architect
            """)
    void occupation_is_the_job_phrase(String text, String occupation) {
        assertThat(attribute(user(text), "occupation")).extracting(ExtractedAttribute::value, ExtractedAttribute::category)
                .containsExactly(occupation, MemoryCategory.IDENTITY);
    }

    @Test
    void a_job_at_a_named_place_also_gives_the_employer() {
        Extraction extraction = user("I work as a nurse at St Mary's Hospital.");

        assertThat(extraction.attributes()).extracting(ExtractedAttribute::key, ExtractedAttribute::value)
                .containsExactly(tuple("occupation", "nurse"), tuple("employer", "St Mary's Hospital"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"I'm a big fan of jazz.", "I'm a bit tired.", "I'm a member of the club.", "I'm a morning person.",
        "I'm a beginner.", "I'm a mother of two."})
    void people_nouns_that_are_not_jobs_are_no_occupation(String text) {
        assertThat(user(text).attributes()).extracting(ExtractedAttribute::key).doesNotContain("occupation");
    }
}
