package dev.spectron.core.retrieval;

import dev.spectron.core.memory.EntityRef;
import java.util.List;
import java.util.Map;

/**
 * The answer to a read, and why it looks the way it does.
 *
 * @param candidates how many candidates each retriever proposed, e.g. {@code {bm25: 50, vector: 50, graph: 7}}
 */
public record Retrieval(String traceId, Tier tier, String reason, String classificationKind, List<EntityRef> seedEntities,
                        List<Hit> hits, Map<String, Integer> candidates, double latencyMs) {
}
