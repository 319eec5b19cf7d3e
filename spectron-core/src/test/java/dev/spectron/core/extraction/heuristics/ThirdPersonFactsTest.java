package dev.spectron.core.extraction.heuristics;

import static dev.spectron.core.extraction.heuristics.Turns.SPOKEN_AT;
import static dev.spectron.core.extraction.heuristics.Turns.USER;
import static dev.spectron.core.extraction.heuristics.Turns.person;
import static dev.spectron.core.extraction.heuristics.Turns.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.spectron.core.extraction.ExtractedAttribute;
import dev.spectron.core.extraction.ExtractedRelation;
import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.extraction.TurnInput;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.EntityType;
import dev.spectron.core.memory.MemoryCategory;
import dev.spectron.core.session.Role;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Facts about other people and pets (issue 16 point 2). */
class ThirdPersonFactsTest {
    private static final EntityRef LENA = person("Lena");

    @Test
    void a_sister_s_job_and_a_brother_s_city_issue_16() {
        Extraction extraction = user("My sister Lena is a nurse and my brother Jonas lives in Hamburg.");
        EntityRef jonas = person("Jonas");
        EntityRef hamburg = new EntityRef(EntityType.LOCATION, "Hamburg");

        assertThat(extraction.attributes()).extracting(ExtractedAttribute::entity, ExtractedAttribute::key, ExtractedAttribute::value)
                .containsExactly(tuple(LENA, "occupation", "nurse"), tuple(jonas, "home", "Hamburg"));
        assertThat(extraction.relations()).extracting(ExtractedRelation::subject, ExtractedRelation::label, ExtractedRelation::object)
                .containsExactly(tuple(USER, "sibling_of", LENA), tuple(USER, "sibling_of", jonas), tuple(jonas, "lives_in", hamburg));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Lena is a nurse.                      | Lena        | occupation | nurse
            Lena's a software engineer.           | Lena        | occupation | software engineer
            Lena works at Siemens.                | Lena        | employer   | Siemens
            Lena is 34.                           | Lena        | age        | 34
            My brother Jonas just turned 30.      | Jonas       | age        | 30
            Lena's birthday is May 3rd.           | Lena        | birthday   | May 3rd
            Lena was born on 3 May 1990.          | Lena        | birthday   | 3 May 1990
            Lena is from Porto.                   | Lena        | hometown   | Porto
            Lena lives in Berlin.                 | Lena        | home       | Berlin
            Lena loves jazz.                      | Lena        | likes      | jazz
            Lena hates mornings.                  | Lena        | dislikes   | mornings
            My kids love the beach.               | user's kids | likes      | the beach
            Caroline went to a LGBTQ support group. | Caroline  | activity   | went to a LGBTQ support group
            My grandma passed away.               | user's grandma | activity | passed away
            """)
    void each_pattern_yields_its_fact_on_the_person_spoken_of(String text, String name, String key, String value) {
        Extraction extraction = user(text);

        assertThat(extraction.attributes()).extracting(ExtractedAttribute::entity, ExtractedAttribute::key, ExtractedAttribute::value)
                .contains(tuple(person(name), key, value));
        assertThat(extraction.attributes()).noneMatch(a -> a.entity().equals(USER) && a.key().equals(key));
    }

    @Test
    void an_employer_is_also_a_works_at_relation_and_a_home_a_lives_in_relation() {
        Extraction extraction = user("Lena is a nurse at St Mary's and lives in Berlin.");

        assertThat(extraction.attributes()).extracting(ExtractedAttribute::key, ExtractedAttribute::value)
                .containsExactly(tuple("occupation", "nurse"), tuple("employer", "St Mary's"), tuple("home", "Berlin"));
        assertThat(extraction.relations()).extracting(ExtractedRelation::subject, ExtractedRelation::label, ExtractedRelation::object)
                .containsExactly(tuple(LENA, "works_at", new EntityRef(EntityType.ORGANISATION, "St Mary's")),
                        tuple(LENA, "lives_in", new EntityRef(EntityType.LOCATION, "Berlin")));
    }

    @Test
    void someone_else_s_kids_are_their_own_entity_related_to_their_parent() {
        Extraction extraction = user("Melanie's kids love the beach.", "caroline");
        EntityRef kids = person("Melanie's kids");

        assertThat(extraction.attributes()).extracting(ExtractedAttribute::entity, ExtractedAttribute::key, ExtractedAttribute::value,
                ExtractedAttribute::category).containsExactly(tuple(kids, "likes", "the beach", MemoryCategory.KNOWLEDGE));
        assertThat(extraction.relations()).extracting(ExtractedRelation::subject, ExtractedRelation::label, ExtractedRelation::object)
                .containsExactly(tuple(person("Melanie"), "parent_of", kids));
    }

    @Test
    void an_event_is_dated_by_its_temporal_phrase_and_otherwise_by_the_turn() {
        ExtractedAttribute dated = Turns.attribute(user("Caroline went to a support group yesterday."), "activity");
        ExtractedAttribute undated = Turns.attribute(user("Caroline went to a support group."), "activity");

        assertThat(dated).extracting(ExtractedAttribute::value, ExtractedAttribute::validFrom, ExtractedAttribute::category)
                .containsExactly("went to a support group (2026-05-12)", Instant.parse("2026-05-12T00:00:00Z"), MemoryCategory.CONTEXT);
        assertThat(undated).extracting(ExtractedAttribute::value, ExtractedAttribute::validFrom)
                .containsExactly("went to a support group", null);
    }

    @Test
    void relationships_between_people_are_relations() {
        assertThat(user("Lena is my sister.").relations()).extracting(ExtractedRelation::subject, ExtractedRelation::label,
                ExtractedRelation::object).contains(tuple(USER, "sibling_of", LENA));
        assertThat(user("Lena is married to Tom.").relations()).extracting(ExtractedRelation::subject, ExtractedRelation::label,
                ExtractedRelation::object).containsExactly(tuple(LENA, "spouse_of", person("Tom")));
        assertThat(user("My boss Tom works at Acme.").relations()).extracting(ExtractedRelation::subject, ExtractedRelation::label,
                ExtractedRelation::object).containsExactly(tuple(USER, "reports_to", person("Tom")),
                tuple(person("Tom"), "works_at", new EntityRef(EntityType.ORGANISATION, "Acme")));
    }

    @Test
    void a_fact_about_a_list_of_names_holds_for_each() {
        assertThat(user("My kids Tom and Ana love the beach.").attributes()).extracting(ExtractedAttribute::entity, ExtractedAttribute::key)
                .containsExactly(tuple(person("Tom"), "likes"), tuple(person("Ana"), "likes"));
    }

    @Test
    void a_pet_named_before_stays_a_pet_and_has_no_job() {
        EntityRef max = new EntityRef(EntityType.OTHER, "Max");
        Extraction extraction = user("My dog Max is old. Max loves the beach. Max is a Labrador.");

        assertThat(extraction.attributes()).extracting(ExtractedAttribute::entity, ExtractedAttribute::key, ExtractedAttribute::value)
                .containsExactly(tuple(max, "species", "dog"), tuple(max, "likes", "the beach"));
    }

    @Test
    void a_pet_named_in_an_earlier_turn_stays_a_pet() {
        Extraction extraction = turn("Biscuit loves the sofa.", "user: My dogs Biscuit and Nala are the best.", "assistant: Lovely!");

        assertThat(extraction.attributes()).extracting(ExtractedAttribute::entity)
                .containsExactly(new EntityRef(EntityType.OTHER, "Biscuit"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            My brother Jonas called. He works at Siemens.        | Jonas       | employer
            My sister Lena visited and she loves the beach.      | Lena        | likes
            I met Priya. She loves chess.                         | Priya       | likes
            My kids are home. They love the beach.                | user's kids | likes
            """)
    void he_she_and_they_resolve_to_the_one_earlier_referent_that_fits(String text, String name, String key) {
        assertThat(user(text).attributes()).extracting(ExtractedAttribute::entity, ExtractedAttribute::key)
                .contains(tuple(person(name), key));
    }

    @Test
    void a_pronoun_resolves_to_the_person_named_in_the_previous_turn() {
        Extraction extraction = turn("She is a nurse.", "user: My sister Lena is visiting.");

        assertThat(extraction.attributes()).extracting(ExtractedAttribute::entity, ExtractedAttribute::key, ExtractedAttribute::value)
                .containsExactly(tuple(LENA, "occupation", "nurse"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Lena met Anna. She is a nurse.
            My brother Jonas called. She is a nurse.
            Thanks, Lena! She is a nurse.
            My sister Lena visited. It was fun. She is a nurse.
            She is a nurse.
            They love the beach.
            """)
    void an_ambiguous_or_unknown_pronoun_yields_nothing(String text) {
        assertThat(user("My brother Jonas called. He is a nurse.").attributes()).extracting(ExtractedAttribute::key).contains("occupation");
        assertThat(user(text).attributes()).noneMatch(a -> a.key().equals("occupation") || a.key().equals("likes"));
    }

    @Test
    void his_and_her_relatives_belong_to_the_one_person_they_can_refer_to() {
        EntityRef jonas = person("Jonas");
        Extraction wife = user("My brother Jonas is visiting. His wife Mia is a nurse.");
        Extraction kids = turn("Her kids love the zoo.", "user: My sister Lena called.");

        assertThat(wife.relations()).extracting(ExtractedRelation::subject, ExtractedRelation::label, ExtractedRelation::object)
                .contains(tuple(jonas, "spouse_of", person("Mia")));
        assertThat(wife.attributes()).extracting(ExtractedAttribute::entity, ExtractedAttribute::key)
                .containsExactly(tuple(person("Mia"), "occupation"));
        assertThat(kids.attributes()).extracting(ExtractedAttribute::entity, ExtractedAttribute::key, ExtractedAttribute::value)
                .containsExactly(tuple(person("Lena's kids"), "likes", "the zoo"));
        assertThat(kids.relations()).extracting(ExtractedRelation::subject, ExtractedRelation::label, ExtractedRelation::object)
                .containsExactly(tuple(LENA, "parent_of", person("Lena's kids")));
    }

    @Test
    void a_pet_has_no_wife() {
        Extraction extraction = turn("His wife Mia is a nurse.", "user: My dog Max loves the beach.");

        assertThat(extraction.attributes()).extracting(ExtractedAttribute::entity, ExtractedAttribute::key)
                .containsExactly(tuple(person("Mia"), "occupation"));
        assertThat(extraction.relations()).isEmpty();
    }

    @Test
    void a_named_relative_of_an_unresolved_her_keeps_the_fact_but_not_the_tie() {
        Extraction extraction = user("Lena met Anna. Her husband Tom is a chef. Her son is a pilot.");

        assertThat(extraction.attributes()).extracting(ExtractedAttribute::entity, ExtractedAttribute::key)
                .containsExactly(tuple(LENA, "activity"), tuple(person("Tom"), "occupation"));
        assertThat(extraction.relations()).isEmpty();
    }

    @Test
    void a_pronoun_is_not_resolved_into_an_assistant_turn() {
        assertThat(turn("She is a nurse.", "user: My sister Lena sounds lovely.").attributes()).isNotEmpty();
        assertThat(turn("She is a nurse.", "assistant: My sister Lena sounds lovely.").attributes()).isEmpty();
    }

    private static Extraction turn(String text, String... transcript) {
        return Turns.extract(new TurnInput(text, Role.USER, null, SPOKEN_AT, ZoneOffset.UTC, List.of(transcript)));
    }
}
