package dev.spectron.server.facts;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.server.memory.DiffJson;
import java.util.List;

/**
 * The bodies of {@code POST /facts} and {@code POST /facts/batch} (spectron-api.md §2.2.1-2.2.2).
 * {@code triples} and {@code messages} stay JSON trees here: their items are checked one by one,
 * with messages that name the item's field.
 */
final class FactsWire {
    private FactsWire() {
    }

    /** {@code POST /facts}: {@code infer} is full, triples, preview or none. */
    record RememberRequest(String infer,
                           @JsonProperty("session_id") @JsonAlias("sessionId") String sessionId,
                           @JsonProperty("scopes") @JsonAlias("scope") Object scopes,
                           String role,
                           String text,
                           @JsonProperty("memory_category") @JsonAlias("memoryCategory") String memoryCategory,
                           JsonNode triples,
                           @JsonProperty("observed_at") @JsonAlias("observedAt") String observedAt) {
    }

    /** {@code POST /facts/batch}: {@code extract} is whole_conversation or per_message. */
    record RememberManyRequest(String extract,
                               String infer,
                               @JsonProperty("session_id") @JsonAlias("sessionId") String sessionId,
                               @JsonProperty("scopes") @JsonAlias("scope") Object scopes,
                               JsonNode messages) {
    }

    /**
     * What {@code POST /facts} did: {@code turnId} when a turn was stored, {@code chunkId} with
     * {@code infer: none}, {@code preview} on a preview, {@code extraction} unless nothing was extracted.
     */
    record RememberResponse(String mode, String sessionId, @JsonInclude(JsonInclude.Include.NON_NULL) String turnId,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String chunkId,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean preview,
                            @JsonInclude(JsonInclude.Include.NON_NULL) DiffJson extraction) {
    }

    record RememberManyResponse(String sessionId, List<String> turnIds, List<DiffJson> extractions) {
    }
}
