package dev.spectron.core.memory;

import dev.spectron.core.session.ScopeSet;
import java.time.Instant;

/** An explicit "we do not know": a conflict without a winner, a hedge, an unresolvable date. */
public record Uncertainty(String id, String about, String reason, ScopeSet scopes, String sourceTurn, boolean resolved, Instant createdAt) {
}
