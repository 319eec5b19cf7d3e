package dev.spectron.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Ranked hits for a query ({@code memory.recall()}).
 *
 * @param tier               direct, hybrid or full_context
 * @param classificationKind how the query was classified
 * @param seedEntities       entities the query named, as {@code type/name}
 * @param trace              the raw trace object ({@code traceId}, {@code resolutionTier}, ...), or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecallResult(String tier, String classificationKind, List<String> seedEntities, List<RecallHit> hits,
                           double queryMs, JsonNode trace) {
    public RecallResult {
        seedEntities = Lists.of(seedEntities);
        hits = Lists.of(hits);
    }

    /** The trace id, or null. */
    public String traceId() {
        return trace == null || !trace.hasNonNull("traceId") ? null : trace.get("traceId").asText();
    }
}
