package dev.spectron.client;

import java.util.List;

/**
 * Options of {@code memory.rememberMany()} (POST {@code /facts/batch}): a whole conversation at once.
 *
 * @param perMessage     extract per message instead of once for the whole conversation
 * @param literal        store the messages without extraction ({@code infer=none})
 * @param idempotencyKey sent as {@code Idempotency-Key}; null means one is generated per call
 */
public record RememberManyRequest(List<Message> messages, String sessionId, Scope scope, boolean perMessage, boolean literal,
                                  String idempotencyKey) {
    public RememberManyRequest {
        messages = Lists.of(messages);
    }

    public static RememberManyRequest of(List<Message> messages) {
        return new RememberManyRequest(messages, null, null, false, false, null);
    }

    public RememberManyRequest withSessionId(String value) {
        return new RememberManyRequest(messages, value, scope, perMessage, literal, idempotencyKey);
    }

    public RememberManyRequest withScope(Scope value) {
        return new RememberManyRequest(messages, sessionId, value, perMessage, literal, idempotencyKey);
    }

    public RememberManyRequest withPerMessage(boolean value) {
        return new RememberManyRequest(messages, sessionId, scope, value, literal, idempotencyKey);
    }

    public RememberManyRequest withLiteral(boolean value) {
        return new RememberManyRequest(messages, sessionId, scope, perMessage, value, idempotencyKey);
    }

    public RememberManyRequest withIdempotencyKey(String value) {
        return new RememberManyRequest(messages, sessionId, scope, perMessage, literal, value);
    }

    Object toWire() {
        return new Body().put("messages", messages.stream().map(m -> new Body().put("role", m.role()).put("content", m.content())
                        .put("ts", m.ts() == null ? null : m.ts().toString()).map()).toList())
                .put("session_id", sessionId).put("scopes", scope == null ? null : scope.toWire())
                .putIf(perMessage, "extract", "per_message").putIf(literal, "infer", "none").map();
    }
}
