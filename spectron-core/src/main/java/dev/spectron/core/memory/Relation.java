package dev.spectron.core.memory;

import dev.spectron.core.session.ScopeSet;
import java.time.Instant;

/** A versioned edge {@code subject —label→ object} between two entities. */
public record Relation(String id, String subjectId, String label, String objectId, MemoryCategory category, double importance,
                       double confidence, ScopeSet scopes, Instant validFrom, Instant validUntil, String supersedes,
                       String supersededBy, SourceRef source, Instant createdAt, Instant closedAt) implements Fact {

    public Relation closed(Instant validUntil, String supersededBy, Instant closedAt) {
        return new Relation(id, subjectId, label, objectId, category, importance, confidence, scopes, validFrom, validUntil,
                supersedes, supersededBy, source, createdAt, closedAt);
    }
}
