package dev.spectron.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.retrieval.ContextBlock;
import dev.spectron.core.retrieval.Hit;
import dev.spectron.core.retrieval.SearchDoc;
import dev.spectron.core.session.ScopeSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationsTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final List<ContextBlock.Cited> CARRIED = List.of(cited("S1"), cited("S2"), cited("S3"));

    @Test
    void each_marker_the_reply_uses_resolves_once_in_order_of_first_use() {
        List<ContextBlock.Cited> cited = Citations.resolve("You live in Lisbon [S2], since May [S1]. Again: [S2].", CARRIED);

        assertThat(cited).extracting(ContextBlock.Cited::marker).containsExactly("S2", "S1");
        assertThat(cited.get(0).hit().doc().id()).isEqualTo("doc_S2");
    }

    @Test
    void markers_the_prompt_did_not_carry_resolve_to_nothing() {
        assertThat(Citations.resolve("As noted in [S9] and [S] and S1.", CARRIED)).isEmpty();
    }

    private static ContextBlock.Cited cited(String marker) {
        SearchDoc doc = new SearchDoc("doc_" + marker, SearchDoc.Kind.TURN, "ref", "sess_1", "turn_" + marker, "user", "ada", "text " + marker,
                ScopeSet.NONE, 0.5, T0, T0);
        return new ContextBlock.Cited(marker, new Hit(doc, 0.5, List.of("bm25")));
    }
}
