package dev.spectron.core.memory;

import dev.spectron.core.session.ScopeSet;
import java.time.Instant;

/**
 * A stored entity. Identity is {@link EntityRef} within the context; {@code scopes} is the union of
 * the scopes its facts were written in. {@code deletedAt} marks a soft delete.
 */
public record Entity(String id, EntityRef ref, MemoryCategory category, double importance, ScopeSet scopes,
                     String sourceTurn, Instant createdAt, Instant updatedAt, Instant deletedAt) {
    public boolean isDeleted() {
        return deletedAt != null;
    }
}
