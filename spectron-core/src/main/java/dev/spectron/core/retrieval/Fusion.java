package dev.spectron.core.retrieval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Score fusion of candidate lists: each retriever's scores are scaled to [0, 1] over its list and
 * summed with the retriever's weight (a convex combination when the weights add up to one); then
 * light priors (importance, the user's own words above the assistant's; DESIGN.md §6) and episode
 * support. Ties go to the earlier-said document, as the LoCoMo protocol orders them.
 *
 * <p>Scores rather than ranks (reciprocal rank fusion, used before): a full-text match far ahead
 * of the rest keeps its lead instead of counting like any first place, and a vector list whose
 * top scores lie close together cannot push it down. Measured on LoCoMo (docs/benchmarks.md).
 */
final class Fusion {
    /**
     * Priors only break near-ties: a prior much larger than the gap between neighbouring scores
     * lets an important but less relevant fact jump over the best match.
     */
    static final double ASSISTANT_PRIOR = 0.98;
    /**
     * A turn that only asks a question is no evidence of a fact (issue 16): "Where do I live?"
     * shares every word with the query that repeats it, so only a prior this strong puts it below
     * the statement that answers it.
     */
    static final double QUESTION_PRIOR = 0.5;
    /** Importance moves a score by at most this share. */
    static final double IMPORTANCE_WEIGHT = 0.015;
    /**
     * Episode support: a hit gains this share of the scores of the other leading hits said within
     * {@link #EPISODE} of it. What a question asks about is usually discussed over several turns of
     * one sitting, so a turn whose neighbours also match is likelier the right one than an equally
     * scored turn alone in an unrelated conversation.
     */
    static final double EPISODE_SHARE = 0.15;
    static final Duration EPISODE = Duration.ofHours(1);
    /** Only the leading hits lend support; the long tail would reward sittings that merely talk a lot. */
    static final int EPISODE_SUPPORTERS = 30;

    private final Map<String, Double> scores = new LinkedHashMap<>();
    private final Map<String, List<String>> sources = new LinkedHashMap<>();

    /**
     * Adds a retriever's list, best first. Scores are scaled to [0, 1]: by the list's maximum when
     * {@code fromZero} (BM25: zero means no match, so a list of near-equal weak matches stays weak),
     * else min-max over the list (cosine similarities, which sit in a narrow band).
     */
    void add(String source, List<ScoredId> ranked, double weight, boolean fromZero) {
        if (ranked.isEmpty()) {
            return;
        }
        double max = ranked.stream().mapToDouble(ScoredId::score).max().orElseThrow();
        double min = fromZero ? 0 : ranked.stream().mapToDouble(ScoredId::score).min().orElseThrow();
        double span = max - min > 0 ? max - min : 1;
        for (ScoredId candidate : ranked) {
            double scaled = max - min > 0 ? (candidate.score() - min) / span : 1;
            scores.merge(candidate.id(), weight * scaled, Double::sum);
            sources.computeIfAbsent(candidate.id(), x -> new ArrayList<>()).add(source);
        }
    }

    /** A list without scores of its own (graph neighbours): the first scores 1, the n-th 1/n. */
    void addRanked(String source, List<String> ranked, double weight) {
        List<ScoredId> scored = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            scored.add(new ScoredId(ranked.get(i), 1.0 / (i + 1)));
        }
        add(source, scored, weight, true);
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
        hits.sort(ORDER);
        List<Hit> supporters = hits.subList(0, Math.min(EPISODE_SUPPORTERS, hits.size()));
        List<Hit> supported = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            double support = 0;
            for (Hit other : supporters) {
                if (other != hit && Duration.between(other.doc().occurredAt(), hit.doc().occurredAt()).abs().compareTo(EPISODE) <= 0) {
                    support += other.score();
                }
            }
            supported.add(new Hit(hit.doc(), hit.score() + EPISODE_SHARE * support, hit.sources()));
        }
        supported.sort(ORDER);
        return supported;
    }

    private static final Comparator<Hit> ORDER = Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> h.doc().occurredAt());

    static double prior(SearchDoc doc) {
        double weight = 1 - IMPORTANCE_WEIGHT + IMPORTANCE_WEIGHT * Math.max(0, Math.min(1, doc.importance()));
        if (doc.kind() == SearchDoc.Kind.TURN && DocTexts.isQuestion(doc.text())) {
            weight *= QUESTION_PRIOR;
        }
        return "assistant".equals(doc.role()) ? weight * ASSISTANT_PRIOR : weight;
    }
}
