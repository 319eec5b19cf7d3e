package dev.spectron.core.ingest;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.session.NewTurn;
import dev.spectron.core.session.Session;
import java.time.Instant;

/** A turn whose extraction has run (outside any transaction) and that is ready to commit. */
public record PreparedTurn(ContextId contextId, Session session, NewTurn turn, Instant occurredAt, ExtractionOutcome outcome) {
}
