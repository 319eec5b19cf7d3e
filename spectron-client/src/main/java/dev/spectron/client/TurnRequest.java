package dev.spectron.client;

import java.time.Instant;
import java.util.Objects;

/**
 * A turn to append ({@code session.turn()}).
 *
 * @param ts             when it was said (relative dates in the content resolve against it), or null for now
 * @param idempotencyKey sent as {@code Idempotency-Key}; null means one is generated per call
 */
public record TurnRequest(Role role, String content, Instant ts, String idempotencyKey) {
    public TurnRequest {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static TurnRequest of(Role role, String content) {
        return new TurnRequest(role, content, null, null);
    }

    public TurnRequest withTs(Instant value) {
        return new TurnRequest(role, content, value, idempotencyKey);
    }

    public TurnRequest withIdempotencyKey(String value) {
        return new TurnRequest(role, content, ts, value);
    }

    Object toWire() {
        return new Body().put("role", role).put("content", content).put("ts", ts == null ? null : ts.toString()).map();
    }
}
