package dev.spectron.core.memory;

import dev.spectron.core.session.ScopeSet;
import java.time.Instant;

/** A versioned key/value fact about an entity. */
public record Attribute(String id, String entityId, String key, String value, MemoryCategory category, double importance,
                        double confidence, ScopeSet scopes, Instant validFrom, Instant validUntil, String supersedes,
                        String supersededBy, SourceRef source, Instant createdAt, Instant closedAt) implements Fact {

    public Attribute closed(Instant validUntil, String supersededBy, Instant closedAt) {
        return new Attribute(id, entityId, key, value, category, importance, confidence, scopes, validFrom, validUntil,
                supersedes, supersededBy, source, createdAt, closedAt);
    }
}
