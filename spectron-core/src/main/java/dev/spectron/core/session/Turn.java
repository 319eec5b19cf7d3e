package dev.spectron.core.session;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored message. {@code seq} is 1-based and unique within the session; {@code occurredAt}
 * is when the message was said (the caller's {@code ts}, else the arrival time) and is what
 * relative dates resolve against; {@code createdAt} is when it was stored.
 */
public record Turn(String id, String sessionId, long seq, Role role, String content, Instant occurredAt, Instant createdAt) {
    public Turn {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(createdAt, "createdAt");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, got " + seq);
        }
    }
}
