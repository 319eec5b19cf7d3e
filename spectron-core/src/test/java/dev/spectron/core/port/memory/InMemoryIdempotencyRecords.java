package dev.spectron.core.port.memory;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.idempotency.IdempotencyRecord;
import dev.spectron.core.port.IdempotencyRecords;
import java.time.Instant;
import java.util.Optional;

final class InMemoryIdempotencyRecords implements IdempotencyRecords {
    private final InMemoryTransaction tx;

    InMemoryIdempotencyRecords(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<IdempotencyRecord> find(ContextId contextId, String principal, String key) {
        return Optional.ofNullable(tx.read().idempotency.get(new Tables.IdempotencyKey(contextId, principal, key)));
    }

    @Override
    public void insert(ContextId contextId, IdempotencyRecord record) {
        // An upsert, as the JDBC records' ON CONFLICT DO UPDATE: an expired record under the key is replaced.
        tx.writeIn(contextId).idempotency.put(new Tables.IdempotencyKey(contextId, record.principal(), record.key()), record);
    }

    @Override
    public int deleteCreatedBefore(Instant cutoff) {
        var records = tx.write().idempotency.values();
        int before = records.size();
        records.removeIf(record -> record.createdAt().isBefore(cutoff));
        return before - records.size();
    }
}
