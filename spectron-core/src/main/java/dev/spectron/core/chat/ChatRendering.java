package dev.spectron.core.chat;

import dev.spectron.core.ingest.IngestedTurn;

/**
 * The shapes a {@link ChatExchange} keeps for replay, which are the caller's (the HTTP layer's
 * wire format): the stored form of the user step, read back on a retry, and the response body
 * kept under the request's idempotency key.
 */
public interface ChatRendering {
    /** Step 1's outcome as stored, so that a retry can continue from it without storing the turn again. */
    String userStep(IngestedTurn user);

    /** The inverse of {@link #userStep}. */
    ChatExchange.UserStep readUserStep(String stored);

    /** The whole exchange's response body: reply, both turns, combined diff. */
    String response(ChatExchange.UserStep user, ChatService.Answer answer, IngestedTurn reply, String modelId);
}
