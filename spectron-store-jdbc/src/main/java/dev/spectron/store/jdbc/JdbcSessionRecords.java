package dev.spectron.store.jdbc;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.SessionRecords;
import dev.spectron.core.session.ScopeSet;
import dev.spectron.core.session.Session;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class JdbcSessionRecords implements SessionRecords {
    private final Sql sql;

    JdbcSessionRecords(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(Session session) {
        sql.insert("session '" + session.id() + "' already exists",
                "INSERT INTO sessions (context_id, id, scopes, metadata, created_at) VALUES (?, ?, ?, ?, ?)",
                session.contextId().value(), session.id(), JsonColumns.write(session.scopes().asStrings()),
                JsonColumns.write(session.metadata()), session.createdAt());
    }

    @Override
    public Optional<Session> find(ContextId contextId, String sessionId) {
        return sql.queryOne("SELECT context_id, id, scopes, metadata, created_at FROM sessions WHERE context_id = ? AND id = ?",
                JdbcSessionRecords::map, contextId.value(), sessionId);
    }

    @Override
    public List<Session> list(ContextId contextId, int limit, int offset) {
        return sql.query("SELECT context_id, id, scopes, metadata, created_at FROM sessions WHERE context_id = ? "
                        + "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                JdbcSessionRecords::map, contextId.value(), limit, offset);
    }

    @Override
    public boolean delete(ContextId contextId, String sessionId) {
        // Turns cascade through their foreign key.
        return sql.update("DELETE FROM sessions WHERE context_id = ? AND id = ?", contextId.value(), sessionId) > 0;
    }

    private static Session map(ResultSet row) throws SQLException {
        return new Session(row.getString("id"), new ContextId(row.getString("context_id")),
                ScopeSet.parse(JsonColumns.readClauses(row.getString("scopes"))),
                JsonColumns.readMap(row.getString("metadata")), Sql.instant(row, "created_at"));
    }
}
