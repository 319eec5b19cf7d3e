package dev.spectron.core.port;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.idempotency.IdempotencyRecord;
import java.time.Instant;
import java.util.Optional;

/** Stored outcomes of writes made under an {@code Idempotency-Key}. */
public interface IdempotencyRecords {
    Optional<IdempotencyRecord> find(ContextId contextId, String principal, String key);

    /** Stores the record, replacing an expired one under the same key. */
    void insert(ContextId contextId, IdempotencyRecord record);

    /** Forgets records created before {@code cutoff}; returns how many. */
    int deleteCreatedBefore(Instant cutoff);
}
