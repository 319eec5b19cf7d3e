package dev.spectron.server.chat;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.server.memory.DiffJson;
import dev.spectron.server.retrieval.CitationJson;
import dev.spectron.server.session.TurnJson;
import java.util.List;

/** The chat bodies (spectron-api.md §2.2.5; the seed's {@code session.chat()}). */
final class ChatWire {
    private ChatWire() {
    }

    /** {@code POST /sessions/{id}/chat}: the session is in the path. */
    record SessionChatRequest(@JsonProperty(value = "message", required = true) @JsonAlias("content") String message,
                              @JsonProperty("k") @JsonAlias("limit") Long k,
                              @JsonProperty("budgetChars") @JsonAlias("budget_chars") Long budgetChars,
                              Boolean stream,
                              String model) {
    }

    /** {@code POST /chat}: a new session in {@code scopes} unless {@code sessionId} names one. */
    record ChatRequest(@JsonProperty("scopes") @JsonAlias("scope") Object scopes,
                       @JsonProperty("sessionId") @JsonAlias("session_id") String sessionId,
                       @JsonProperty(value = "message", required = true) @JsonAlias("content") String message,
                       @JsonProperty("k") @JsonAlias("limit") Long k,
                       @JsonProperty("budgetChars") @JsonAlias("budget_chars") Long budgetChars,
                       Boolean stream,
                       String model) {
        SessionChatRequest chat() {
            return new SessionChatRequest(message, k, budgetChars, stream, model);
        }
    }

    /** The response of {@code POST /chat}: the reply and the combined diff of both turns. */
    record ChatResponse(String reply, JsonNode memoryUpdates, String sessionId, String turnId, String assistantTurnId, String traceId,
                        String model, List<CitationJson> citations, @JsonInclude(JsonInclude.Include.NON_NULL) Usage usage) {
    }

    /** The response of the seed's {@code POST /sessions/{id}/chat}: as {@link ChatResponse}, with the seed's {@code memory_updates}. */
    record SessionChatResponse(String reply, @JsonProperty("memory_updates") JsonNode memoryUpdates, String sessionId, String turnId,
                               String assistantTurnId, String traceId, String model, List<CitationJson> citations,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Usage usage) {
    }

    /** Token counts as the provider reported them; a count it did not report is null. */
    record Usage(Integer inputTokens, Integer outputTokens) {
    }

    /** The user step as stored for a retry: the session, the user's turn and its diff. */
    record StoredUserStep(String sessionId, TurnJson turn, DiffJson diff) {
    }
}
