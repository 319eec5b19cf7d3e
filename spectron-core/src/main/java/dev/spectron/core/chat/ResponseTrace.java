package dev.spectron.core.chat;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.model.ModelRequest;
import dev.spectron.core.model.TokenUsage;
import dev.spectron.core.retrieval.Retrieval;
import java.time.Instant;
import java.util.Map;

/**
 * Why a chat answered as it did: the exact prompt sent, the model that answered, the tokens it
 * reported, each step's latency and the retrieval that filled the prompt.
 *
 * @param stepsMs milliseconds per step, in order: {@code ingest_user}, {@code retrieve}, {@code model}, {@code ingest_assistant}
 */
public record ResponseTrace(String id, ContextId contextId, String sessionId, String userTurnId, String assistantTurnId, String model,
                            ModelRequest prompt, TokenUsage usage, Map<String, Double> stepsMs, Retrieval retrieval, Instant createdAt) {
}
