package dev.spectron.store.jdbc;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Uncertainty;
import dev.spectron.core.port.UncertaintyRecords;
import dev.spectron.core.session.ScopeSet;
import java.util.List;

final class JdbcUncertaintyRecords implements UncertaintyRecords {
    private final Sql sql;

    JdbcUncertaintyRecords(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(ContextId contextId, Uncertainty u) {
        sql.update("INSERT INTO uncertainties (context_id, id, about, reason, scopes, source_turn, resolved, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                contextId.value(), u.id(), u.about(), u.reason(), JsonColumns.write(u.scopes().asStrings()), u.sourceTurn(),
                u.resolved() ? 1 : 0, u.createdAt());
    }

    @Override
    public List<Uncertainty> open(ContextId contextId) {
        return sql.query("SELECT id, about, reason, scopes, source_turn, resolved, created_at FROM uncertainties "
                        + "WHERE context_id = ? AND resolved = 0 ORDER BY created_at, id",
                row -> new Uncertainty(row.getString("id"), row.getString("about"), row.getString("reason"),
                        ScopeSet.parse(JsonColumns.readClauses(row.getString("scopes"))), row.getString("source_turn"),
                        row.getInt("resolved") == 1, Sql.instant(row, "created_at")),
                contextId.value());
    }
}
