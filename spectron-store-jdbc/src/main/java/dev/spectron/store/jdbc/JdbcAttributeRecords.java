package dev.spectron.store.jdbc;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Attribute;
import dev.spectron.core.port.AttributeRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

final class JdbcAttributeRecords implements AttributeRecords {
    private final FactTable<Attribute> table;

    JdbcAttributeRecords(Sql sql) {
        this.table = new FactTable<>(sql, "attributes", "entity_id, key, value", JdbcAttributeRecords::map);
    }

    @Override
    public List<Attribute> findByIds(ContextId contextId, Collection<String> ids) {
        return table.findByIds(contextId, ids);
    }

    @Override
    public void insert(ContextId contextId, Attribute a) {
        table.insert(contextId, a, a.entityId(), a.key(), a.value());
    }

    @Override
    public void close(ContextId contextId, String id, Instant validUntil, String supersededBy, Instant closedAt) {
        table.close(contextId, id, validUntil, supersededBy, closedAt);
    }

    @Override
    public void reinforce(ContextId contextId, String id, double importance, double confidence) {
        table.reinforce(contextId, id, importance, confidence);
    }

    @Override
    public List<Attribute> live(ContextId contextId, String entityId, String key) {
        return table.query("WHERE context_id = ? AND entity_id = ? AND key = ? AND closed_at IS NULL ORDER BY created_at, id",
                contextId.value(), entityId, key);
    }

    @Override
    public List<Attribute> liveOf(ContextId contextId, String entityId) {
        return table.query("WHERE context_id = ? AND entity_id = ? AND closed_at IS NULL ORDER BY key, created_at, id", contextId.value(), entityId);
    }

    @Override
    public List<Attribute> believedAt(ContextId contextId, String entityId, Instant at) {
        return table.query("WHERE context_id = ? AND entity_id = ? AND created_at <= ? AND (closed_at IS NULL OR closed_at > ?) "
                + "ORDER BY key, created_at, id", contextId.value(), entityId, at, at);
    }

    @Override
    public List<Attribute> history(ContextId contextId, String entityId, String key) {
        return table.query("WHERE context_id = ? AND entity_id = ? AND key = ? ORDER BY created_at, id", contextId.value(), entityId, key);
    }

    @Override
    public List<Attribute> allOf(ContextId contextId, String entityId) {
        return table.query("WHERE context_id = ? AND entity_id = ? ORDER BY key, created_at, id", contextId.value(), entityId);
    }

    @Override
    public void delete(ContextId contextId, Collection<String> ids) {
        table.delete(contextId, ids);
    }

    @Override
    public List<Attribute> allLive(ContextId contextId) {
        return table.query("WHERE context_id = ? AND closed_at IS NULL ORDER BY entity_id, key, created_at, id", contextId.value());
    }

    @Override
    public List<String> topKeys(ContextId contextId, int limit) {
        return table.mostUsed(contextId, "key", limit);
    }

    @Override
    public Optional<Attribute> latestInSession(ContextId contextId, String sessionId, String key) {
        return table.query("WHERE context_id = ? AND source_session = ? AND key = ? ORDER BY created_at DESC, id DESC LIMIT 1",
                contextId.value(), sessionId, key).stream().findFirst();
    }

    private static Attribute map(ResultSet row) throws SQLException {
        FactColumns.Read f = FactColumns.Read.from(row);
        return new Attribute(row.getString("id"), row.getString("entity_id"), row.getString("key"), row.getString("value"), f.category(),
                f.importance(), f.confidence(), f.scopes(), f.validFrom(), f.validUntil(), f.supersedes(), f.supersededBy(), f.source(),
                f.createdAt(), f.closedAt());
    }
}
