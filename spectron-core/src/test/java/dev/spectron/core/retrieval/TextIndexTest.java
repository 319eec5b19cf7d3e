package dev.spectron.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextIndexTest {
    private final TextIndex index = new TextIndex();

    @Test
    void ranks_by_bm25_where_a_rare_word_outweighs_a_common_one() {
        index.add("doc_1", "Caroline: I went to the LGBTQ support group yesterday.");
        index.add("doc_2", "Caroline: the support group was inspiring, a real support.");
        index.add("doc_3", "Caroline: I painted a lighthouse.");
        index.add("doc_4", "Melanie: Caroline called.");

        assertThat(ids("support", "group")).containsExactly("doc_2", "doc_1");
        assertThat(ids("caroline", "lighthouse").getFirst()).isEqualTo("doc_3");
        List<ScoredId> hits = index.search(List.of("caroline"), 10);
        assertThat(hits).hasSize(4).allSatisfy(hit -> assertThat(hit.score()).isPositive());
        assertThat(index.search(List.of("caroline"), 2)).hasSize(2);
    }

    @Test
    void words_match_in_any_form_the_tokenizer_folds_to_the_same_term() {
        index.add("doc_1", "Melanie painted a sunrise at the café.");
        index.add("doc_2", "Caroline's dog-walking group meets on Mondays.");

        assertThat(ids("painting")).containsExactly("doc_1");
        assertThat(ids("cafe")).containsExactly("doc_1");
        assertThat(ids("caroline")).containsExactly("doc_2");
        assertThat(ids("walks")).containsExactly("doc_2");
        assertThat(ids("MONDAY")).containsExactly("doc_2");
    }

    @Test
    void query_text_is_words_never_syntax() {
        index.add("doc_1", "quoted near the text");
        assertThat(ids("\"quoted\" OR NEAR(")).containsExactly("doc_1");
        assertThat(ids("*", "AND", "-")).isEmpty();
        assertThat(ids()).isEmpty();
    }

    @Test
    void an_id_is_held_once_and_remove_forgets_it() {
        index.add("doc_1", "Ada lives in Paris.");
        index.add("doc_1", "Ada lives in Paris."); // indexed again when its vector arrives
        index.add("doc_2", "Bob lives in Paris.");
        assertThat(ids("paris")).containsExactly("doc_1", "doc_2");

        index.remove("doc_2");
        index.remove("doc_404");
        assertThat(ids("paris")).containsExactly("doc_1");
        index.add("doc_2", "Bob moved to Porto.");
        assertThat(ids("porto")).containsExactly("doc_2");
        assertThat(ids("lives")).containsExactly("doc_1");
    }

    @Test
    void equal_scores_rank_the_older_document_first() {
        for (int i = 0; i < 30; i++) {
            index.add("doc_" + i, "the same words");
        }
        assertThat(ids("same")).hasSize(10).startsWith("doc_0", "doc_1", "doc_2");
    }

    @Test
    void removing_most_documents_compacts_without_losing_the_rest_or_their_order() {
        for (int i = 0; i < 2_000; i++) {
            index.add("doc_" + i, (i % 2 == 0 ? "even" : "odd") + " number " + i);
        }
        for (int i = 0; i < 1_500; i++) {
            index.remove("doc_" + i);
        }
        assertThat(index.search(List.of("number"), 1_000)).hasSize(500).extracting(ScoredId::id).startsWith("doc_1500", "doc_1501");
        assertThat(ids("odd")).hasSize(10).first().isEqualTo("doc_1501");
        assertThat(ids("1999")).containsExactly("doc_1999");
        assertThat(ids("42")).isEmpty();
        index.add("doc_42", "number 42 again");
        assertThat(ids("42")).containsExactly("doc_42");
    }

    private List<String> ids(String... words) {
        return index.search(List.of(words), 10).stream().map(ScoredId::id).toList();
    }
}
