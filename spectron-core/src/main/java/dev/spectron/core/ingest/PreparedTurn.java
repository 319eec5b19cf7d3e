package dev.spectron.core.ingest;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.session.NewTurn;
import dev.spectron.core.session.Session;
import dev.spectron.core.retrieval.Indexer;
import java.time.Instant;

/**
 * A turn whose extraction and embeddings have run (outside any transaction) and that is ready to
 * commit. {@code speaker} names who said it, for the indexed text.
 */
public record PreparedTurn(ContextId contextId, Session session, NewTurn turn, Instant occurredAt, ExtractionOutcome outcome, String speaker,
                           Indexer.Vectors vectors) {
    public PreparedTurn withOutcome(ExtractionOutcome newOutcome) {
        return new PreparedTurn(contextId, session, turn, occurredAt, newOutcome, speaker, vectors);
    }
}
