package dev.spectron.core.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (k = 60) of ranked candidate lists, then light priors: importance, and
 * the user's own words above the assistant's (DESIGN.md §6). Ties go to the earlier-said document,
 * as the LoCoMo protocol orders them.
 */
final class Fusion {
    static final int RRF_K = 60;
    /**
     * Priors only break near-ties: neighbouring ranks differ by under 2 % in RRF, so a prior much
     * larger than that lets an important but less relevant fact jump over the best match.
     */
    static final double ASSISTANT_PRIOR = 0.98;
    /** Importance moves a score by at most this share. */
    static final double IMPORTANCE_WEIGHT = 0.015;

    private final Map<String, Double> scores = new LinkedHashMap<>();
    private final Map<String, List<String>> sources = new LinkedHashMap<>();

    void add(String source, List<String> rankedIds, double weight) {
        for (int rank = 0; rank < rankedIds.size(); rank++) {
            String id = rankedIds.get(rank);
            scores.merge(id, weight / (RRF_K + rank + 1), Double::sum);
            sources.computeIfAbsent(id, x -> new ArrayList<>()).add(source);
        }
    }

    java.util.Set<String> ids() {
        return scores.keySet();
    }

    /** The fused ranking of the documents that survived filtering, best first. */
    List<Hit> rank(Map<String, SearchDoc> docs) {
        List<Hit> hits = new ArrayList<>();
        scores.forEach((id, score) -> {
            SearchDoc doc = docs.get(id);
            if (doc != null) {
                hits.add(new Hit(doc, score * prior(doc), List.copyOf(sources.get(id))));
            }
        });
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> h.doc().occurredAt()));
        return hits;
    }

    static double prior(SearchDoc doc) {
        double weight = 1 - IMPORTANCE_WEIGHT + IMPORTANCE_WEIGHT * Math.max(0, Math.min(1, doc.importance()));
        return "assistant".equals(doc.role()) ? weight * ASSISTANT_PRIOR : weight;
    }
}
