package dev.spectron.core.reconcile;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.memory.SourceRef;
import dev.spectron.core.session.ScopeSet;
import java.time.Instant;

/**
 * One write to reconcile.
 *
 * @param observedAt when the source said it: the default valid-from of new facts and their known
 *                   time, so a backfilled conversation replays in its own time order
 * @param confidenceFloor below this a new value never supersedes (config {@code reconciliation.confidence_floor})
 */
public record ReconcileRequest(ContextId contextId, ScopeSet scopes, Extraction extraction, SourceRef source, Instant observedAt,
                               double confidenceFloor, ExtractionStatus status) {
    public static final double DEFAULT_CONFIDENCE_FLOOR = 0.7;
}
