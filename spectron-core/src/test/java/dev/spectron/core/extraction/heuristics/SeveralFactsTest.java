package dev.spectron.core.extraction.heuristics;

import static dev.spectron.core.extraction.heuristics.Turns.person;
import static dev.spectron.core.extraction.heuristics.Turns.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.spectron.core.extraction.ExtractedAttribute;
import dev.spectron.core.extraction.ExtractedEntity;
import dev.spectron.core.extraction.ExtractedInstruction;
import dev.spectron.core.extraction.ExtractedRelation;
import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.EntityType;
import dev.spectron.core.memory.MemoryCategory;
import org.junit.jupiter.api.Test;

class SeveralFactsTest {
    private static final String TURN = "Hi, I'm Ada! I'm 34 and I live in Lisbon. I work at Acme. "
            + "My husband Bob and I love hiking. Always answer in Portuguese.";

    @Test
    void one_turn_yields_every_fact_entity_and_instruction_in_order() {
        Extraction extraction = user(TURN);
        EntityRef ada = person("Ada");

        assertThat(extraction.entities()).containsExactly(
                new ExtractedEntity(ada, MemoryCategory.IDENTITY),
                new ExtractedEntity(new EntityRef(EntityType.LOCATION, "Lisbon"), MemoryCategory.IDENTITY),
                new ExtractedEntity(new EntityRef(EntityType.ORGANISATION, "Acme"), MemoryCategory.IDENTITY),
                new ExtractedEntity(person("Bob"), MemoryCategory.IDENTITY));
        assertThat(extraction.attributes()).extracting(ExtractedAttribute::entity, ExtractedAttribute::key, ExtractedAttribute::value)
                .containsExactly(tuple(ada, "name", "Ada"), tuple(ada, "age", "34"), tuple(ada, "home", "Lisbon"),
                        tuple(ada, "employer", "Acme"), tuple(ada, "likes", "hiking"));
        assertThat(extraction.relations()).extracting(ExtractedRelation::label, ExtractedRelation::object).containsExactly(
                tuple("lives_in", new EntityRef(EntityType.LOCATION, "Lisbon")),
                tuple("works_at", new EntityRef(EntityType.ORGANISATION, "Acme")),
                tuple("spouse_of", person("Bob")));
        assertThat(extraction.instructions()).extracting(ExtractedInstruction::label).containsExactly("answer_portuguese");
    }

    @Test
    void every_span_quotes_the_sentence_the_fact_came_from() {
        Extraction extraction = user(TURN);

        assertThat(extraction.attributes()).extracting(a -> TURN.substring(a.span().start(), a.span().end())).containsExactly(
                "Hi, I'm Ada!", "I'm 34 and I live in Lisbon.", "I'm 34 and I live in Lisbon.", "I work at Acme.",
                "My husband Bob and I love hiking.");
        assertThat(extraction.relations()).extracting(r -> TURN.substring(r.span().start(), r.span().end())).containsExactly(
                "I'm 34 and I live in Lisbon.", "I work at Acme.", "My husband Bob and I love hiking.");
    }
}
