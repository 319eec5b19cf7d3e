package dev.spectron.server.retrieval;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The bodies of the read routes: {@code /query}, {@code /context}, {@code /sessions/{id}/context} (spectron-api.md §2.2.3-2.2.4). */
final class RetrievalWire {
    private RetrievalWire() {
    }

    /** {@code POST /query}. */
    record QueryRequest(@JsonProperty("lens") @JsonAlias({"scopes", "scope"}) Object lens,
                        @JsonProperty(value = "query", required = true) String query,
                        @JsonProperty("k") @JsonAlias("limit") Long k,
                        @JsonProperty("asOf") @JsonAlias("as_of") String asOf,
                        String mode) {
    }

    /** {@code POST /context}: a query plus the block's character budget. */
    record ContextRequest(@JsonProperty("lens") @JsonAlias({"scopes", "scope"}) Object lens,
                          @JsonProperty(value = "query", required = true) String query,
                          @JsonProperty("k") @JsonAlias("limit") Long k,
                          @JsonProperty("asOf") @JsonAlias("as_of") String asOf,
                          String mode,
                          @JsonProperty("budgetChars") @JsonAlias("budget_chars") Long budgetChars) {
        QueryRequest asQuery() {
            return new QueryRequest(lens, query, k, asOf, mode);
        }
    }

    /** {@code POST /sessions/{id}/context}: the session gives the lens. */
    record SessionContextRequest(@JsonProperty(value = "query", required = true) String query,
                                 @JsonProperty("k") @JsonAlias("limit") Long k,
                                 @JsonProperty("budgetChars") @JsonAlias("budget_chars") Long budgetChars) {
    }

    /** {@code POST /query}: ranked hits, and the trace that explains them. */
    record QueryResponse(String tier, String classificationKind, List<String> seedEntities, List<HitJson> hits, double queryMs,
                         Trace trace) {
    }

    record Trace(String traceId, String resolutionTier, double latencyMs) {
    }

    /** The context block ({@code session.context()}) with what it cites. */
    record ContextResponse(String context, String tier, double queryMs, String traceId, List<CitationJson> citations) {
    }
}
