package dev.spectron.core.extraction.heuristics;

import static dev.spectron.core.extraction.heuristics.Turns.USER;
import static dev.spectron.core.extraction.heuristics.Turns.attribute;
import static dev.spectron.core.extraction.heuristics.Turns.person;
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
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HouseholdTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            My wife Maria is a chef.          | spouse_of  | Maria
            my husband, John, cooks.          | spouse_of  | John
            My girlfriend Sam is visiting.    | partner_of | Sam
            my fiancée Léa called.            | partner_of | Léa
            My son Tom is six.                | parent_of  | Tom
            My daughter's name is Ana.        | parent_of  | Ana
            My mum Jane lives nearby.         | child_of   | Jane
            my father Bob retired.            | child_of   | Bob
            My little brother Sam is funny.   | sibling_of | Sam
            """)
    void named_relatives_are_identity_relations_to_a_person(String text, String label, String name) {
        assertThat(user(text).relations()).extracting(ExtractedRelation::subject, ExtractedRelation::label, ExtractedRelation::object,
                ExtractedRelation::category).containsExactly(tuple(USER, label, person(name), MemoryCategory.IDENTITY));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            My grandma Rose knits.           | grandchild_of  | Rose      | IDENTITY
            My cousin Ben is funny.          | relative_of    | Ben       | IDENTITY
            My colleague Priya helped.       | colleague_of   | Priya     | KNOWLEDGE
            My boss Tom called.              | reports_to     | Tom       | KNOWLEDGE
            """)
    void grandparents_cousins_colleagues_and_bosses_are_relations_too(String text, String label, String name, MemoryCategory category) {
        assertThat(user(text).relations()).extracting(ExtractedRelation::label, ExtractedRelation::object, ExtractedRelation::category)
                .containsExactly(tuple(label, person(name), category));
    }

    @Test
    void an_unnamed_colleague_is_not_family_but_an_unnamed_grandma_is() {
        assertThat(user("My colleague is great.").attributes()).isEmpty();
        assertThat(attribute(user("My grandma is great."), "family").value()).isEqualTo("grandma");
    }

    @Test
    void a_named_friend_is_knowledge_not_identity() {
        Extraction extraction = user("My best friend Lucy is here.");

        assertThat(extraction.relations()).extracting(ExtractedRelation::label, ExtractedRelation::object, ExtractedRelation::category)
                .containsExactly(tuple("friend_of", person("Lucy"), MemoryCategory.KNOWLEDGE));
        assertThat(extraction.entities()).contains(new ExtractedEntity(person("Lucy"), MemoryCategory.KNOWLEDGE));
    }

    @Test
    void every_child_in_a_list_gets_its_own_relation() {
        assertThat(user("My kids Tom and Ana love the beach.").relations()).extracting(ExtractedRelation::label, ExtractedRelation::object)
                .containsExactly(tuple("parent_of", person("Tom")), tuple("parent_of", person("Ana")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I have two kids.         | two kids
            My wife is lovely.       | wife
            I have a daughter.       | daughter
            We visited my parents.   | parents
            """)
    void unnamed_relatives_are_the_family_attribute(String text, String family) {
        Extraction extraction = user(text);

        assertThat(attribute(extraction, "family")).extracting(ExtractedAttribute::value, ExtractedAttribute::category)
                .containsExactly(family, MemoryCategory.IDENTITY);
        assertThat(extraction.relations()).isEmpty();
    }

    @Test
    void an_unnamed_friend_is_not_family() {
        assertThat(user("My best friend is great.").attributes()).isEmpty();
    }

    @Test
    void a_named_pet_is_a_has_pet_relation_and_its_species() {
        Extraction extraction = user("My dog Rex is cute.");
        EntityRef rex = new EntityRef(EntityType.OTHER, "Rex");

        assertThat(extraction.relations()).extracting(ExtractedRelation::label, ExtractedRelation::object)
                .containsExactly(tuple("has_pet", rex));
        assertThat(extraction.attributes()).extracting(ExtractedAttribute::entity, ExtractedAttribute::key, ExtractedAttribute::value)
                .containsExactly(tuple(rex, "species", "dog"));
        assertThat(extraction.entities()).extracting(ExtractedEntity::ref).containsExactly(USER, rex);
    }

    @Test
    void a_pet_named_after_have_is_a_relation_too() {
        assertThat(user("We have a cat named Tom.").relations()).extracting(ExtractedRelation::label, ExtractedRelation::object)
                .containsExactly(tuple("has_pet", new EntityRef(EntityType.OTHER, "Tom")));
    }

    @Test
    void an_unnamed_pet_is_the_pet_attribute() {
        assertThat(attribute(user("I have a cat."), "pet").value()).isEqualTo("cat");
        assertThat(attribute(user("I have two dogs."), "pet").value()).isEqualTo("two dogs");
    }

    @Test
    void a_pet_noun_that_modifies_another_noun_is_no_pet() {
        assertThat(user("Here is my horse painting.").attributes()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I have a Tesla.                  | Tesla
            I own a boat.                    | boat
            I bought a new bike.             | new bike
            I've got a car.                  | car
            I bought myself a console for my partner. | console
            """)
    void possessions_are_the_owns_attribute(String text, String owned) {
        assertThat(attribute(user(text), "owns")).extracting(ExtractedAttribute::value, ExtractedAttribute::category)
                .containsExactly(owned, MemoryCategory.KNOWLEDGE);
    }

    @Test
    void a_purchase_date_becomes_valid_from() {
        assertThat(attribute(user("I bought a new bike yesterday."), "owns"))
                .extracting(ExtractedAttribute::value, ExtractedAttribute::validFrom)
                .containsExactly("new bike", Instant.parse("2026-05-12T00:00:00Z"));
    }

    @Test
    void having_a_question_or_a_meeting_is_no_possession() {
        assertThat(user("I have a question. I have a meeting tomorrow.").attributes()).isEmpty();
    }
}
