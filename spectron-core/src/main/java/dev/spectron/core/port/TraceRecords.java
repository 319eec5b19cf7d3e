package dev.spectron.core.port;

import dev.spectron.core.context.ContextId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored retrieval and response traces, the documents behind {@code GET /traces/{id}}. */
public interface TraceRecords {
    /**
     * Stores a batch. A trace whose (context, id) is already stored is left as it was, and one of a
     * context that no longer exists is skipped: a context deleted while its traces waited to be
     * written must not fail the rest of the batch.
     */
    void insert(List<StoredTrace> traces);

    /** The trace, only within the context that made it. */
    Optional<StoredTrace> find(ContextId contextId, String id);

    /** Forgets traces created before {@code cutoff}, in every context; returns how many. */
    int deleteCreatedBefore(Instant cutoff);
}
