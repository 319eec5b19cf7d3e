package dev.spectron.core.extraction.heuristics;

import static dev.spectron.core.extraction.heuristics.Turns.USER;
import static dev.spectron.core.extraction.heuristics.Turns.attribute;
import static dev.spectron.core.extraction.heuristics.Turns.person;
import static dev.spectron.core.extraction.heuristics.Turns.said;
import static dev.spectron.core.extraction.heuristics.Turns.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.spectron.core.extraction.ExtractedAttribute;
import dev.spectron.core.extraction.ExtractedEntity;
import dev.spectron.core.extraction.ExtractedInstruction;
import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.EntityType;
import dev.spectron.core.memory.MemoryCategory;
import dev.spectron.core.session.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpeakerAndRolesTest {
    @Test
    void first_person_facts_attach_to_the_speaker_the_turn_names() {
        Extraction extraction = user("I live in Lisbon.", "ada_l");

        assertThat(attribute(extraction, "home").entity()).isEqualTo(person("ada_l"));
        assertThat(extraction.relations()).singleElement().satisfies(r -> assertThat(r.subject()).isEqualTo(person("ada_l")));
    }

    @Test
    void a_name_given_anywhere_in_the_turn_becomes_the_speaker() {
        Extraction extraction = user("I live in Lisbon. My name is Ada.");

        assertThat(extraction.attributes()).extracting(ExtractedAttribute::entity, ExtractedAttribute::key, ExtractedAttribute::value)
                .containsExactly(tuple(person("Ada"), "home", "Lisbon"), tuple(person("Ada"), "name", "Ada"));
        assertThat(extraction.entities()).extracting(ExtractedEntity::ref)
                .containsExactly(person("Ada"), new EntityRef(EntityType.LOCATION, "Lisbon"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hi, I'm Ada!", "Call me Ada.", "This is Ada speaking.", "my name's Ada", "I am Ada and I need help."})
    void self_introductions_name_the_speaker(String text) {
        assertThat(user(text).attributes()).extracting(ExtractedAttribute::entity, ExtractedAttribute::key, ExtractedAttribute::value)
                .containsExactly(tuple(person("Ada"), "name", "Ada"));
    }

    @Test
    void a_known_speaker_keeps_their_identity_and_gains_the_name_attribute() {
        assertThat(attribute(user("My name is Ada Lovelace.", "u_42"), "name"))
                .extracting(ExtractedAttribute::entity, ExtractedAttribute::value, ExtractedAttribute::category)
                .containsExactly(person("u_42"), "Ada Lovelace", MemoryCategory.IDENTITY);
    }

    @Test
    void without_a_name_first_person_facts_attach_to_user() {
        Extraction extraction = user("I work at Acme.");

        assertThat(attribute(extraction, "employer").entity()).isEqualTo(USER);
        assertThat(extraction.entities()).first().isEqualTo(new ExtractedEntity(USER, MemoryCategory.IDENTITY));
    }

    @Test
    void assistant_and_tool_turns_yield_nothing() {
        assertThat(said(Role.ASSISTANT, "I like helping. I live in the cloud. Always answer politely.")).isEqualTo(Extraction.EMPTY);
        assertThat(said(Role.TOOL, "I am allergic to peanuts. My name is Bot.")).isEqualTo(Extraction.EMPTY);
    }

    @Test
    void system_turns_yield_only_instructions() {
        Extraction extraction = said(Role.SYSTEM, "You are a helpful assistant. Always answer concisely. I live in Paris.");

        assertThat(extraction.instructions()).extracting(ExtractedInstruction::label).containsExactly("answer_concisely");
        assertThat(extraction.attributes()).isEmpty();
        assertThat(extraction.relations()).isEmpty();
        assertThat(extraction.entities()).isEmpty();
    }

    @Test
    void every_referenced_entity_is_listed_once() {
        Extraction extraction = user("I live in Lisbon and I love it. We moved to Lisbon in 2020. My wife Maria is here; my wife Maria says hi.");

        assertThat(extraction.entities()).extracting(ExtractedEntity::ref)
                .containsExactly(USER, new EntityRef(EntityType.LOCATION, "Lisbon"), person("Maria"));
    }

    @Test
    void blank_turns_yield_nothing() {
        assertThat(user("   ")).isEqualTo(Extraction.EMPTY);
    }
}
