package dev.spectron.bench.locomo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evidence recall as PROTOCOL.md §4 defines it. {@code k} counts returned items; each item maps
 * to the dia_ids it came from, and the ranked dia_id list is their concatenation in rank order,
 * first occurrence wins. Sessions are ranked by first appearance in that list ("derived").
 */
public final class RecallMetrics {
    public static final int[] TURN_K = {1, 3, 5, 10, 20, 50};
    public static final int[] SESSION_K = {1, 3, 5};

    /** The four numbers of one question at one k. */
    public record Scores(double rFrac, double rAll, double rAny, double ndcg) {
    }

    private RecallMetrics() {
    }

    /** Turn level: {@code items} holds each returned item's source dia_ids, best first. */
    public static Scores turn(List<List<String>> items, Set<String> gold, int k) {
        List<String> ranked = dedup(items.subList(0, Math.min(k, items.size())));
        return scores(ranked, gold, k);
    }

    /** Session level, derived from the full turn ranking. */
    public static Scores session(List<List<String>> items, Set<Integer> gold, Map<String, Integer> sessionOf, int k) {
        Set<Integer> sessions = new LinkedHashSet<>();
        for (String diaId : dedup(items)) {
            sessions.add(sessionOf.get(diaId));
        }
        List<Integer> ranked = new ArrayList<>(sessions).subList(0, Math.min(k, sessions.size()));
        return scores(ranked, gold, k);
    }

    private static <T> Scores scores(List<T> ranked, Set<T> gold, int k) {
        long found = ranked.stream().filter(gold::contains).distinct().count();
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += gold.contains(ranked.get(i)) ? 1 / log2(i + 2) : 0;
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, gold.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return new Scores((double) found / gold.size(), found == gold.size() ? 1 : 0, found > 0 ? 1 : 0, ideal == 0 ? 0 : dcg / ideal);
    }

    static List<String> dedup(List<List<String>> items) {
        Set<String> seen = new LinkedHashSet<>();
        items.forEach(seen::addAll);
        return new ArrayList<>(seen);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
