package dev.spectron.store.jdbc;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.idempotency.IdempotencyRecord;
import dev.spectron.core.port.IdempotencyRecords;
import java.time.Instant;
import java.util.Optional;

final class JdbcIdempotencyRecords implements IdempotencyRecords {
    private final Sql sql;

    JdbcIdempotencyRecords(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<IdempotencyRecord> find(ContextId contextId, String principal, String key) {
        return sql.queryOne("SELECT principal, key, request_hash, status, response_body, created_at FROM idempotency_keys "
                        + "WHERE context_id = ? AND principal = ? AND key = ?",
                row -> new IdempotencyRecord(row.getString("principal"), row.getString("key"), row.getString("request_hash"),
                        row.getInt("status"), row.getString("response_body"), Sql.instant(row, "created_at")),
                contextId.value(), principal, key);
    }

    @Override
    public void insert(ContextId contextId, IdempotencyRecord record) {
        sql.update("INSERT INTO idempotency_keys (context_id, principal, key, request_hash, status, response_body, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (context_id, principal, key) DO UPDATE SET request_hash = excluded.request_hash, "
                        + "status = excluded.status, response_body = excluded.response_body, created_at = excluded.created_at",
                contextId.value(), record.principal(), record.key(), record.requestHash(), record.status(),
                record.responseBody(), record.createdAt());
    }

    @Override
    public int deleteCreatedBefore(Instant cutoff) {
        return sql.update("DELETE FROM idempotency_keys WHERE created_at < ?", cutoff);
    }
}
