package dev.spectron.client;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/**
 * The outcome of a chat: the model's reply and what both turns changed in memory.
 *
 * @param reply           the reply text; may contain {@code [S1]}-style markers resolved by {@link #citations()}
 * @param memoryUpdates   the combined diff of the user and assistant turns (read from {@code memoryUpdates}
 *                        or the seed route's {@code memory_updates}); never null
 * @param sessionId       the session the turns went to (created when none was given)
 * @param turnId          the stored user turn
 * @param assistantTurnId the stored assistant turn
 * @param traceId         the response trace
 * @param model           the model that answered, {@code provider/model}
 */
public record ChatResult(String reply, @JsonAlias("memory_updates") Diff memoryUpdates,
                         @JsonAlias("session_id") String sessionId, @JsonAlias("turn_id") String turnId,
                         @JsonAlias("assistant_turn_id") String assistantTurnId, @JsonAlias("trace_id") String traceId,
                         String model, List<Citation> citations) {
    public ChatResult {
        citations = Lists.of(citations);
        if (memoryUpdates == null) {
            memoryUpdates = new Diff(null, null, null, null, null, null, null, null, null, null);
        }
    }
}
