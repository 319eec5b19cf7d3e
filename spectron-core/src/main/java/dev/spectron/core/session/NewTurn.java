package dev.spectron.core.session;

import dev.spectron.core.InvalidInputException;
import java.time.Instant;

/** A turn to append, as the caller sent it. {@code ts} is optional: when the message was said. */
public record NewTurn(Role role, String content, Instant ts) {
    public NewTurn {
        if (role == null) {
            throw new InvalidInputException("role", "role is required");
        }
        if (content == null || content.isBlank()) {
            throw new InvalidInputException("content", "content must be a non-empty string");
        }
    }
}
