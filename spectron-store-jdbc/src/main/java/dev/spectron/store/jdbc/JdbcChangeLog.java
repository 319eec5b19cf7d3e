package dev.spectron.store.jdbc;

import dev.spectron.core.change.Change;
import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.ChangeLog;
import java.time.Instant;
import java.util.List;

final class JdbcChangeLog implements ChangeLog {
    private final Sql sql;

    JdbcChangeLog(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Change append(ContextId contextId, ChangeKind kind, String refId, Instant at) {
        // The counter lives on the context row: the same statement works on PostgreSQL, where the
        // row lock also serialises writers of one context.
        long seq = sql.queryLong("UPDATE contexts SET change_seq = change_seq + 1 WHERE id = ? RETURNING change_seq", contextId.value());
        sql.update("INSERT INTO changes (context_id, seq, kind, ref_id, at) VALUES (?, ?, ?, ?, ?)",
                contextId.value(), seq, kind.name(), refId, at);
        return new Change(contextId, seq, kind, refId, at);
    }

    @Override
    public long lastSeq(ContextId contextId) {
        return sql.queryOne("SELECT change_seq FROM contexts WHERE id = ?", row -> row.getLong(1), contextId.value()).orElse(0L);
    }

    @Override
    public List<Change> since(ContextId contextId, long afterSeq, int limit) {
        return sql.query("SELECT seq, kind, ref_id, at FROM changes WHERE context_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                row -> new Change(contextId, row.getLong("seq"), ChangeKind.valueOf(row.getString("kind")),
                        row.getString("ref_id"), Sql.instant(row, "at")),
                contextId.value(), afterSeq, limit);
    }
}
