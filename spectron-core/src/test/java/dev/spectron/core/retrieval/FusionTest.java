package dev.spectron.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.session.ScopeSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FusionTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void a_document_both_retrievers_rank_beats_one_only_one_ranks_first() {
        Fusion fusion = new Fusion();
        fusion.add("bm25", List.of("a", "b", "c"), 1.0);
        fusion.add("vector", List.of("d", "b", "a"), 1.0);
        List<Hit> hits = fusion.rank(docs("a", "b", "c", "d"));
        assertThat(hits).extracting(h -> h.doc().id()).containsExactly("a", "b", "d", "c");
        assertThat(hits.get(0).sources()).containsExactly("bm25", "vector");
        assertThat(hits.get(0).score()).isEqualTo((1.0 / 61 + 1.0 / 63) * Fusion.prior(hits.get(0).doc()));
    }

    @Test
    void weights_scale_a_retrievers_say() {
        Fusion fusion = new Fusion();
        fusion.add("bm25", List.of("a"), 1.0);
        fusion.add("graph", List.of("b"), 0.3);
        assertThat(fusion.rank(docs("a", "b"))).extracting(h -> h.doc().id()).containsExactly("a", "b");
    }

    @Test
    void the_users_words_rank_above_the_assistants_and_ties_go_to_the_earlier() {
        Fusion fusion = new Fusion();
        fusion.add("bm25", List.of("x"), 1.0);
        fusion.add("vector", List.of("y"), 1.0);
        SearchDoc assistant = doc("x", "assistant", T0);
        SearchDoc user = doc("y", "user", T0.plusSeconds(5));
        assertThat(fusion.rank(Map.of("x", assistant, "y", user))).extracting(h -> h.doc().id()).containsExactly("y", "x");

        Fusion tie = new Fusion();
        tie.add("bm25", List.of("late"), 1.0);
        tie.add("vector", List.of("early"), 1.0);
        assertThat(tie.rank(Map.of("late", doc("late", "user", T0.plusSeconds(9)), "early", doc("early", "user", T0))))
                .extracting(h -> h.doc().id()).containsExactly("early", "late");
    }

    @Test
    void documents_filtered_out_are_not_returned() {
        Fusion fusion = new Fusion();
        fusion.add("bm25", List.of("visible", "hidden"), 1.0);
        assertThat(fusion.rank(docs("visible"))).extracting(h -> h.doc().id()).containsExactly("visible");
    }

    private static Map<String, SearchDoc> docs(String... ids) {
        return Stream.of(ids).collect(Collectors.toMap(Function.identity(), id -> doc(id, "user", T0)));
    }

    private static SearchDoc doc(String id, String role, Instant at) {
        return new SearchDoc(id, SearchDoc.Kind.TURN, "turn_" + id, "sess_1", "turn_" + id, role, "ada", "text " + id, ScopeSet.NONE, 0.5, at, at);
    }
}
