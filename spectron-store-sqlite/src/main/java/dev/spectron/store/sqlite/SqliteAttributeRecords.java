package dev.spectron.store.sqlite;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Attribute;
import dev.spectron.core.port.AttributeRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class SqliteAttributeRecords implements AttributeRecords {
    @Override
    public List<String> topKeys(ContextId contextId, int limit) {
        return sql.query("SELECT key FROM attributes WHERE context_id = ? AND closed_at IS NULL GROUP BY key ORDER BY COUNT(*) DESC, key LIMIT ?",
                row -> row.getString(1), contextId.value(), limit);
    }

    private static final String SELECT = "SELECT id, entity_id, key, value, " + FactColumns.NAMES + " FROM attributes ";
    private final Sql sql;

    SqliteAttributeRecords(Sql sql) {
        this.sql = sql;
    }

    @Override
    public List<Attribute> findByIds(ContextId contextId, java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> params = new java.util.ArrayList<>();
        params.add(contextId.value());
        params.addAll(ids);
        return sql.query(SELECT + "WHERE context_id = ? AND id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")",
                SqliteAttributeRecords::map, params.toArray());
    }

    @Override
    public void insert(ContextId contextId, Attribute a) {
        sql.update("INSERT INTO attributes (context_id, id, entity_id, key, value, " + FactColumns.NAMES + ") VALUES (?, ?, ?, ?, ?, "
                + FactColumns.MARKS + ")", FactColumns.prepend(new Object[] {contextId.value(), a.id(), a.entityId(), a.key(), a.value()},
                FactColumns.values(a)));
    }

    @Override
    public void close(ContextId contextId, String id, Instant validUntil, String supersededBy, Instant closedAt) {
        sql.update("UPDATE attributes SET valid_until = ?, superseded_by = ?, closed_at = ? WHERE context_id = ? AND id = ? AND closed_at IS NULL",
                validUntil, supersededBy, closedAt, contextId.value(), id);
    }

    @Override
    public void reinforce(ContextId contextId, String id, double importance, double confidence) {
        sql.update("UPDATE attributes SET importance = ?, confidence = ? WHERE context_id = ? AND id = ?", importance, confidence, contextId.value(), id);
    }

    @Override
    public List<Attribute> live(ContextId contextId, String entityId, String key) {
        return sql.query(SELECT + "WHERE context_id = ? AND entity_id = ? AND key = ? AND closed_at IS NULL ORDER BY created_at, id",
                SqliteAttributeRecords::map, contextId.value(), entityId, key);
    }

    @Override
    public List<Attribute> liveOf(ContextId contextId, String entityId) {
        return sql.query(SELECT + "WHERE context_id = ? AND entity_id = ? AND closed_at IS NULL ORDER BY key, created_at, id",
                SqliteAttributeRecords::map, contextId.value(), entityId);
    }

    @Override
    public List<Attribute> believedAt(ContextId contextId, String entityId, Instant at) {
        return sql.query(SELECT + "WHERE context_id = ? AND entity_id = ? AND created_at <= ? AND (closed_at IS NULL OR closed_at > ?) "
                + "ORDER BY key, created_at, id", SqliteAttributeRecords::map, contextId.value(), entityId, at, at);
    }

    @Override
    public List<Attribute> history(ContextId contextId, String entityId, String key) {
        return sql.query(SELECT + "WHERE context_id = ? AND entity_id = ? AND key = ? ORDER BY created_at, id",
                SqliteAttributeRecords::map, contextId.value(), entityId, key);
    }

    @Override
    public List<Attribute> allLive(ContextId contextId) {
        return sql.query(SELECT + "WHERE context_id = ? AND closed_at IS NULL ORDER BY entity_id, key, created_at, id",
                SqliteAttributeRecords::map, contextId.value());
    }

    @Override
    public Optional<Attribute> latestInSession(ContextId contextId, String sessionId, String key) {
        return sql.queryOne(SELECT + "WHERE context_id = ? AND source_session = ? AND key = ? ORDER BY created_at DESC, id DESC LIMIT 1",
                SqliteAttributeRecords::map, contextId.value(), sessionId, key);
    }

    private static Attribute map(ResultSet row) throws SQLException {
        FactColumns.Read f = FactColumns.Read.from(row);
        return new Attribute(row.getString("id"), row.getString("entity_id"), row.getString("key"), row.getString("value"), f.category(),
                f.importance(), f.confidence(), f.scopes(), f.validFrom(), f.validUntil(), f.supersedes(), f.supersededBy(), f.source(),
                f.createdAt(), f.closedAt());
    }
}
