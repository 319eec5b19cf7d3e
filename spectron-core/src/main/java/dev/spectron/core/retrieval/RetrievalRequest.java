package dev.spectron.core.retrieval;

import dev.spectron.core.InvalidInputException;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.session.ScopeSet;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * One read.
 *
 * @param lens   who reads: only records visible to these scopes come back; null reads the whole context
 * @param asOf   memory as true at that time: the facts whose validity contains it, superseded ones included
 * @param mode   which retrievers run (for ablations); {@link Mode#HYBRID_GRAPH} by default
 * @param excludedTurns turns whose own text must not come back (a chat sends them already); facts drawn from them still may
 */
public record RetrievalRequest(ContextId contextId, String query, int k, ScopeSet lens, Instant asOf, Mode mode, Set<String> excludedTurns) {
    public static final int DEFAULT_K = 10;
    public static final int MAX_K = 50;

    public enum Mode {
        BM25, VECTOR, HYBRID, HYBRID_GRAPH;

        public static Mode parse(String raw) {
            String value = raw == null ? "hybrid_graph" : raw.toLowerCase(Locale.ROOT).replace("graph", "hybrid_graph").replace("hybrid_hybrid", "hybrid");
            for (Mode mode : values()) {
                if (mode.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return mode;
                }
            }
            throw new InvalidInputException("mode", "mode must be one of hybrid, vector, bm25, hybrid_graph; got '" + raw + "'");
        }
    }

    public RetrievalRequest(ContextId contextId, String query, int k, ScopeSet lens, Instant asOf, Mode mode) {
        this(contextId, query, k, lens, asOf, mode, Set.of());
    }

    public RetrievalRequest {
        excludedTurns = Set.copyOf(excludedTurns);
        if (query == null || query.isBlank()) {
            throw new InvalidInputException("query", "field 'query' must be a non-empty string");
        }
        checkedK(k);
    }

    /**
     * {@code k} when it is 1 to {@value #MAX_K}; else a 400 naming field {@code k}. For callers that check before they write;
     * takes the wire's {@code long}, so that a value past {@code int} is refused rather than wrapped.
     */
    public static int checkedK(long k) {
        if (k < 1 || k > MAX_K) {
            throw new InvalidInputException("k", "k must be between 1 and " + MAX_K + "; got " + k);
        }
        return (int) k;
    }
}
