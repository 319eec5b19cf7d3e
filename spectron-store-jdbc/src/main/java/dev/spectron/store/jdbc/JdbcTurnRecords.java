package dev.spectron.store.jdbc;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.TurnRecords;
import dev.spectron.core.session.Role;
import dev.spectron.core.session.Turn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

final class JdbcTurnRecords implements TurnRecords {
    private static final String SELECT = "SELECT id, session_id, seq, role, content, occurred_at, created_at FROM turns ";
    private final Sql sql;

    JdbcTurnRecords(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(ContextId contextId, Turn turn) {
        sql.insert("session '" + turn.sessionId() + "' already has a turn with seq " + turn.seq(),
                "INSERT INTO turns (context_id, id, session_id, seq, role, content, occurred_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                contextId.value(), turn.id(), turn.sessionId(), turn.seq(), turn.role().wireName(), turn.content(),
                turn.occurredAt(), turn.createdAt());
    }

    @Override
    public long lastSeq(ContextId contextId, String sessionId) {
        return sql.queryLong("SELECT COALESCE(MAX(seq), 0) FROM turns WHERE context_id = ? AND session_id = ?",
                contextId.value(), sessionId);
    }

    @Override
    public List<Turn> list(ContextId contextId, String sessionId, int limit, int offset) {
        return sql.query(SELECT + "WHERE context_id = ? AND session_id = ? ORDER BY seq LIMIT ? OFFSET ?",
                JdbcTurnRecords::map, contextId.value(), sessionId, limit, offset);
    }

    @Override
    public List<Turn> findByIds(ContextId contextId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.query(SELECT + "WHERE context_id = ? AND id IN (" + marks(ids.size()) + ") ORDER BY session_id, seq",
                JdbcTurnRecords::map, withContext(contextId, ids));
    }

    @Override
    public int delete(ContextId contextId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return sql.update("DELETE FROM turns WHERE context_id = ? AND id IN (" + marks(ids.size()) + ")", withContext(contextId, ids));
    }

    private static Object[] withContext(ContextId contextId, Collection<String> ids) {
        List<Object> params = new ArrayList<>();
        params.add(contextId.value());
        params.addAll(ids);
        return params.toArray();
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static Turn map(ResultSet row) throws SQLException {
        return new Turn(row.getString("id"), row.getString("session_id"), row.getLong("seq"), Role.parse(row.getString("role")),
                row.getString("content"), Sql.instant(row, "occurred_at"), Sql.instant(row, "created_at"));
    }
}
