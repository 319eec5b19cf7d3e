package dev.spectron.client;

import java.util.Objects;

/**
 * Options of a chat ({@code session.chat()}, {@code memory.chat()}).
 *
 * @param sessionId      the session (only for {@code memory.chat()}; null creates one); ignored by {@code session.chat()}
 * @param scope          scope of the session created when {@code sessionId} is null
 * @param model          per-call model override, {@code provider/model}, or null for the context's response model
 * @param k              retrieval depth (1..50), or null for the default
 * @param idempotencyKey sent as {@code Idempotency-Key}; null means one is generated per call
 */
public record ChatRequest(String message, String sessionId, Scope scope, String model, Integer k, String idempotencyKey) {
    public ChatRequest {
        Objects.requireNonNull(message, "message");
    }

    public static ChatRequest of(String message) {
        return new ChatRequest(message, null, null, null, null, null);
    }

    public ChatRequest withSessionId(String value) {
        return new ChatRequest(message, value, scope, model, k, idempotencyKey);
    }

    public ChatRequest withScope(Scope value) {
        return new ChatRequest(message, sessionId, value, model, k, idempotencyKey);
    }

    public ChatRequest withModel(String value) {
        return new ChatRequest(message, sessionId, scope, value, k, idempotencyKey);
    }

    public ChatRequest withK(int value) {
        return new ChatRequest(message, sessionId, scope, model, value, idempotencyKey);
    }

    public ChatRequest withIdempotencyKey(String value) {
        return new ChatRequest(message, sessionId, scope, model, k, value);
    }

    Object toWire(boolean includeSession, boolean stream) {
        return new Body().put("message", message).putIf(includeSession, "sessionId", sessionId)
                .putIf(includeSession, "scopes", scope == null ? null : scope.toWire()).put("model", model).put("k", k)
                .putIf(stream, "stream", true).map();
    }
}
