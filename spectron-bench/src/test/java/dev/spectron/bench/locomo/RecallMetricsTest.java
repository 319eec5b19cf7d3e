package dev.spectron.bench.locomo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecallMetricsTest {
    @Test
    void an_oracle_ranking_scores_one() {
        var scores = RecallMetrics.turn(List.of(List.of("D1:3"), List.of("D2:1")), Set.of("D1:3", "D2:1"), 10);
        assertThat(scores).isEqualTo(new RecallMetrics.Scores(1, 1, 1, 1));
    }

    @Test
    void k_counts_items_and_duplicates_buy_nothing() {
        List<List<String>> items = List.of(List.of("D1:1"), List.of("D1:1"), List.of("D1:2"), List.of());
        var atTwo = RecallMetrics.turn(items, Set.of("D1:2"), 2);
        assertThat(atTwo.rAny()).isZero();
        var atThree = RecallMetrics.turn(items, Set.of("D1:2", "D9:9"), 3);
        assertThat(atThree.rFrac()).isEqualTo(0.5);
        assertThat(atThree.rAll()).isZero();
        assertThat(atThree.rAny()).isEqualTo(1);
        // the deduplicated list is [D1:1, D1:2]: the hit sits at position 2 of an ideal of two
        assertThat(atThree.ndcg()).isCloseTo((1 / (Math.log(3) / Math.log(2))) / (1 + 1 / (Math.log(3) / Math.log(2))), within(1e-9));
    }

    @Test
    void sessions_rank_by_first_appearance() {
        Map<String, Integer> sessionOf = Map.of("D1:1", 1, "D2:1", 2, "D3:1", 3);
        var items = List.of(List.of("D3:1"), List.of("D1:1"), List.of("D3:1"), List.of("D2:1"));
        assertThat(RecallMetrics.session(items, Set.of(2), sessionOf, 2).rAny()).isZero();
        assertThat(RecallMetrics.session(items, Set.of(2), sessionOf, 3).rAll()).isEqualTo(1);
    }

    @Test
    void gold_is_normalised_as_the_protocol_says() throws Exception {
        var evidence = new ObjectMapper().readTree("[\"D8:6; D9:17\", \"D:11:26\", \"D30:05\", \"D\", \"D10:19\"]");
        assertThat(Gold.of(evidence, Set.of("D8:6", "D9:17", "D11:26", "D30:5"))).containsExactly("D8:6", "D9:17", "D11:26", "D30:5");
    }
}
