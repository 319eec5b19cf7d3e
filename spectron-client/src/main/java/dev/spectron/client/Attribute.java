package dev.spectron.client;

import java.time.Instant;

/**
 * A versioned key/value fact on an entity. A superseded value has {@code validUntil} and
 * {@code supersededBy} set.
 *
 * @param entity   the owning entity as {@code type/name}, when known
 * @param entityId the owning entity's id
 */
public record Attribute(String id, String entity, String entityId, String key, String value, String memoryCategory,
                        double importance, double confidence, Instant validFrom, Instant validUntil, String supersedes,
                        String supersededBy, Source source, Instant createdAt) {
}
