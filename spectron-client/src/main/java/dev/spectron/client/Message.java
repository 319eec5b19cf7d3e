package dev.spectron.client;

import java.time.Instant;
import java.util.Objects;

/**
 * One message for {@code rememberMany}.
 *
 * @param ts when it was said, or null for now
 */
public record Message(Role role, String content, Instant ts) {
    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static Message user(String content) {
        return new Message(Role.USER, content, null);
    }

    public static Message assistant(String content) {
        return new Message(Role.ASSISTANT, content, null);
    }

    public static Message of(Role role, String content) {
        return new Message(role, content, null);
    }
}
