package dev.spectron.store.jdbc;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.StoredTrace;
import dev.spectron.core.port.TraceRecords;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class JdbcTraceRecords implements TraceRecords {
    private final Sql sql;

    JdbcTraceRecords(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(List<StoredTrace> traces) {
        // The EXISTS skips a trace whose context was deleted meanwhile instead of failing the batch on the foreign key.
        for (StoredTrace trace : traces) {
            sql.update("INSERT INTO traces (context_id, id, kind, created_at, body) "
                            + "SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM contexts WHERE id = ?) "
                            + "ON CONFLICT (context_id, id) DO NOTHING",
                    trace.contextId().value(), trace.id(), trace.kind().wireName(), trace.createdAt(), trace.json(), trace.contextId().value());
        }
    }

    @Override
    public Optional<StoredTrace> find(ContextId contextId, String id) {
        return sql.queryOne("SELECT kind, created_at, body FROM traces WHERE context_id = ? AND id = ?",
                row -> new StoredTrace(contextId, id, StoredTrace.Kind.parse(row.getString("kind")), Sql.instant(row, "created_at"),
                        row.getString("body")),
                contextId.value(), id);
    }

    @Override
    public int deleteCreatedBefore(Instant cutoff) {
        return sql.update("DELETE FROM traces WHERE created_at < ?", cutoff);
    }
}
