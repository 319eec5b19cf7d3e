package dev.spectron.core.auth;

import dev.spectron.core.context.ContextId;
import java.time.Instant;
import java.util.Objects;

/**
 * A data-plane key as stored: never the secret, only its hash. A key belongs to exactly one
 * context; {@code validUntil} is {@code null} for keys that do not expire.
 */
public record ApiKey(String id, ContextId contextId, String name, String secretHash, Instant createdAt, Instant validUntil) {
    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contextId, "contextId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isValidAt(Instant now) {
        return validUntil == null || now.isBefore(validUntil);
    }
}
