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
    void a_document_both_retrievers_score_well_beats_one_only_one_ranks_first() {
        Fusion fusion = new Fusion();
        fusion.add("bm25", scored("a", 3, "b", 2.5, "c", 1), 0.5, true);
        fusion.add("vector", scored("d", 0.9, "b", 0.85, "a", 0.5), 0.5, false);
        List<Hit> hits = fusion.rank(docs("a", "b", "c", "d"));
        assertThat(hits.get(0).doc().id()).isEqualTo("b");
        assertThat(hits.get(0).sources()).containsExactly("bm25", "vector");
    }

    @Test
    void a_clear_full_text_lead_survives_vectors_that_barely_separate() {
        // Reciprocal rank fusion would tie a and b (first and second in each list); their scores do not.
        Fusion fusion = new Fusion();
        fusion.add("bm25", scored("a", 10, "b", 2, "c", 1), 0.5, true);
        fusion.add("vector", scored("b", 0.81, "a", 0.80, "c", 0.50), 0.5, false);
        assertThat(fusion.rank(docs("a", "b", "c"))).extracting(h -> h.doc().id()).containsExactly("a", "b", "c");
    }

    @Test
    void weights_scale_a_retrievers_say() {
        Fusion fusion = new Fusion();
        fusion.add("bm25", scored("a", 1), 0.5, true);
        fusion.addRanked("graph", List.of("b"), 0.05);
        assertThat(fusion.rank(docs("a", "b"))).extracting(h -> h.doc().id()).containsExactly("a", "b");
    }

    @Test
    void the_users_words_rank_above_the_assistants_and_ties_go_to_the_earlier() {
        Fusion fusion = new Fusion();
        fusion.add("bm25", scored("x", 1), 0.5, true);
        fusion.add("vector", scored("y", 0.9), 0.5, false);
        SearchDoc assistant = doc("x", "assistant", T0);
        SearchDoc user = doc("y", "user", T0.plusSeconds(5));
        assertThat(fusion.rank(Map.of("x", assistant, "y", user))).extracting(h -> h.doc().id()).containsExactly("y", "x");

        Fusion tie = new Fusion();
        tie.add("bm25", scored("late", 1), 0.5, true);
        tie.add("vector", scored("early", 0.7), 0.5, false);
        assertThat(tie.rank(Map.of("late", doc("late", "user", T0.plusSeconds(9)), "early", doc("early", "user", T0))))
                .extracting(h -> h.doc().id()).containsExactly("early", "late");
    }

    @Test
    void a_turn_whose_neighbours_in_the_same_sitting_also_match_gains_on_an_isolated_one() {
        Fusion fusion = new Fusion();
        fusion.add("bm25", scored("lonely", 5.1, "a", 5, "b", 3), 0.5, true);
        Map<String, SearchDoc> docs = Map.of("a", doc("a", "user", T0), "b", doc("b", "user", T0.plusSeconds(60)),
                "lonely", doc("lonely", "user", T0.plus(java.time.Duration.ofDays(1))));
        assertThat(fusion.rank(docs)).extracting(h -> h.doc().id()).containsExactly("a", "lonely", "b");
    }

    @Test
    void documents_filtered_out_are_not_returned() {
        Fusion fusion = new Fusion();
        fusion.add("bm25", scored("visible", 2, "hidden", 1), 0.5, true);
        assertThat(fusion.rank(docs("visible"))).extracting(h -> h.doc().id()).containsExactly("visible");
    }

    private static List<ScoredId> scored(Object... idsAndScores) {
        List<ScoredId> out = new java.util.ArrayList<>();
        for (int i = 0; i < idsAndScores.length; i += 2) {
            out.add(new ScoredId((String) idsAndScores[i], ((Number) idsAndScores[i + 1]).doubleValue()));
        }
        return out;
    }

    private static Map<String, SearchDoc> docs(String... ids) {
        return Stream.of(ids).collect(Collectors.toMap(Function.identity(), id -> doc(id, "user", T0)));
    }

    private static SearchDoc doc(String id, String role, Instant at) {
        return new SearchDoc(id, SearchDoc.Kind.TURN, "turn_" + id, "sess_1", "turn_" + id, role, "ada", "text " + id, ScopeSet.NONE, 0.5, at, at);
    }
}
