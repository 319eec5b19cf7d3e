package dev.spectron.client;

import java.time.Instant;

/**
 * A labelled edge between two entities, e.g. {@code person/ada -lives_in-> location/porto}.
 *
 * @param subject the source entity as {@code type/name}
 * @param object  the target entity as {@code type/name}
 */
public record Relation(String id, String subject, String label, String object, String memoryCategory, double importance,
                       double confidence, Instant validFrom, Instant validUntil, String supersedes, String supersededBy,
                       Source source, Instant createdAt) {
}
