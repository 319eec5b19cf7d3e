package dev.spectron.core.memory;

import dev.spectron.core.session.ScopeSet;
import java.time.Instant;

/** A standing directive. Revoking deactivates it ({@code active = false}); it is never deleted. */
public record Instruction(String id, String label, String description, boolean active, ScopeSet scopes, String sourceTurn,
                          Instant createdAt, Instant deactivatedAt) {
    public Instruction deactivated(Instant at) {
        return new Instruction(id, label, description, false, scopes, sourceTurn, createdAt, at);
    }
}
