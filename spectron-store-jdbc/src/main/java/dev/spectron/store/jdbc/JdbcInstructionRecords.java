package dev.spectron.store.jdbc;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Instruction;
import dev.spectron.core.port.InstructionRecords;
import dev.spectron.core.session.ScopeSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

final class JdbcInstructionRecords implements InstructionRecords {
    private static final String SELECT = "SELECT id, label, description, active, scopes, source_turn, created_at, deactivated_at FROM instructions ";
    private final Sql sql;

    JdbcInstructionRecords(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(ContextId contextId, Instruction i) {
        sql.update("INSERT INTO instructions (context_id, id, label, description, active, scopes, source_turn, created_at, deactivated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                contextId.value(), i.id(), i.label(), i.description(), i.active() ? 1 : 0, JsonColumns.write(i.scopes().asStrings()),
                i.sourceTurn(), i.createdAt(), i.deactivatedAt());
    }

    @Override
    public void deactivate(ContextId contextId, String id, Instant at) {
        sql.update("UPDATE instructions SET active = 0, deactivated_at = ? WHERE context_id = ? AND id = ? AND active = 1", at, contextId.value(), id);
    }

    @Override
    public List<Instruction> active(ContextId contextId) {
        return sql.query(SELECT + "WHERE context_id = ? AND active = 1 ORDER BY created_at, id", JdbcInstructionRecords::map, contextId.value());
    }

    @Override
    public List<Instruction> all(ContextId contextId) {
        return sql.query(SELECT + "WHERE context_id = ? ORDER BY created_at, id", JdbcInstructionRecords::map, contextId.value());
    }

    @Override
    public void delete(ContextId contextId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>();
        params.add(contextId.value());
        params.addAll(ids);
        sql.update("DELETE FROM instructions WHERE context_id = ? AND id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
                params.toArray());
    }

    private static Instruction map(ResultSet row) throws SQLException {
        return new Instruction(row.getString("id"), row.getString("label"), row.getString("description"), row.getInt("active") == 1,
                ScopeSet.parse(JsonColumns.readClauses(row.getString("scopes"))), row.getString("source_turn"),
                Sql.instant(row, "created_at"), Sql.instant(row, "deactivated_at"));
    }
}
