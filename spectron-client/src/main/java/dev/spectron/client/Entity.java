package dev.spectron.client;

import java.time.Instant;

/**
 * An entity of structured memory, addressed as {@code type/name} ({@link #path()}).
 *
 * @param entityType     one of person, organisation, project, location, topic, product, policy,
 *                       concept, event, agent, service, other
 * @param memoryCategory identity, knowledge or context
 * @param isNew          in a diff: whether this turn created it; null elsewhere
 */
public record Entity(String id, String name, String entityType, String path, String memoryCategory, double importance,
                     Instant createdAt, Instant updatedAt, Boolean isNew) {
}
