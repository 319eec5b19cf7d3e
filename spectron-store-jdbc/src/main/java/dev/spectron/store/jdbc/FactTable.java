package dev.spectron.store.jdbc;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Fact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The statements attributes and relations share: each table has three columns of its own
 * ({@code entity_id, key, value} or {@code subject_id, label, object_id}) followed by the
 * {@link FactColumns}, and is closed, reinforced and looked up the same way.
 */
final class FactTable<T extends Fact> {
    private final Sql sql;
    private final String table;
    private final String ownColumns;
    private final Sql.RowMapper<T> mapper;
    private final String select;

    FactTable(Sql sql, String table, String ownColumns, Sql.RowMapper<T> mapper) {
        this.sql = sql;
        this.table = table;
        this.ownColumns = ownColumns;
        this.mapper = mapper;
        this.select = "SELECT id, " + ownColumns + ", " + FactColumns.NAMES + " FROM " + table + " ";
    }

    /** Rows of the table matching {@code where} (which starts with {@code WHERE}). */
    List<T> query(String where, Object... params) {
        return sql.query(select + where, mapper, params);
    }

    void insert(ContextId contextId, T fact, Object... ownValues) {
        Object[] head = new Object[ownValues.length + 2];
        head[0] = contextId.value();
        head[1] = fact.id();
        System.arraycopy(ownValues, 0, head, 2, ownValues.length);
        sql.update("INSERT INTO " + table + " (context_id, id, " + ownColumns + ", " + FactColumns.NAMES + ") VALUES (?, ?, ?, ?, ?, "
                + FactColumns.MARKS + ")", FactColumns.prepend(head, FactColumns.values(fact)));
    }

    void close(ContextId contextId, String id, Instant validUntil, String supersededBy, Instant closedAt) {
        sql.update("UPDATE " + table + " SET valid_until = ?, superseded_by = ?, closed_at = ? WHERE context_id = ? AND id = ? AND closed_at IS NULL",
                validUntil, supersededBy, closedAt, contextId.value(), id);
    }

    void reinforce(ContextId contextId, String id, double importance, double confidence) {
        sql.update("UPDATE " + table + " SET importance = ?, confidence = ? WHERE context_id = ? AND id = ?", importance, confidence,
                contextId.value(), id);
    }

    List<T> findByIds(ContextId contextId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(contextId.value());
        params.addAll(ids);
        return query("WHERE context_id = ? AND id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", params.toArray());
    }

    /** Deletes rows and clears the supersession links survivors had to them. */
    void delete(ContextId contextId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        String in = "IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        List<Object> params = new ArrayList<>();
        params.add(contextId.value());
        params.addAll(ids);
        sql.update("DELETE FROM " + table + " WHERE context_id = ? AND id " + in, params.toArray());
        sql.update("UPDATE " + table + " SET supersedes = NULL WHERE context_id = ? AND supersedes " + in, params.toArray());
        sql.update("UPDATE " + table + " SET superseded_by = NULL WHERE context_id = ? AND superseded_by " + in, params.toArray());
    }

    /** The most used values of {@code column} among live rows, most used first. */
    List<String> mostUsed(ContextId contextId, String column, int limit) {
        return sql.query("SELECT " + column + " FROM " + table + " WHERE context_id = ? AND closed_at IS NULL GROUP BY " + column
                + " ORDER BY COUNT(*) DESC, " + column + " LIMIT ?", row -> row.getString(1), contextId.value(), limit);
    }
}
