package dev.spectron.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.MemoryCategory;
import dev.spectron.core.session.ScopeSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FullTextTermsTest {
    private static final Entity CAROLINE = new Entity("ent_1", EntityRef.of("person", "Caroline"), MemoryCategory.IDENTITY, 1.0,
            ScopeSet.NONE, null, Instant.EPOCH, Instant.EPOCH, null);
    private static final Entity LISBON = new Entity("ent_2", EntityRef.of("location", "Lisbon"), MemoryCategory.IDENTITY, 1.0,
            ScopeSet.NONE, null, Instant.EPOCH, Instant.EPOCH, null);

    @Test
    void a_named_persons_name_leaves_the_full_text_query_when_other_words_remain() {
        assertThat(Retriever.fullTextTerms("When did Caroline go to the LGBTQ support group?", List.of(CAROLINE)))
                .containsExactly("go", "lgbtq", "support", "group");
    }

    @Test
    void other_entity_names_stay_and_a_name_alone_is_kept() {
        assertThat(Retriever.fullTextTerms("Who moved to Lisbon?", List.of(LISBON))).containsExactly("moved", "lisbon");
        assertThat(Retriever.fullTextTerms("Caroline?", List.of(CAROLINE))).containsExactly("caroline");
    }
}
