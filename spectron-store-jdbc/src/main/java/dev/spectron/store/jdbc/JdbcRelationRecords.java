package dev.spectron.store.jdbc;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Relation;
import dev.spectron.core.port.RelationRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

final class JdbcRelationRecords implements RelationRecords {
    private final FactTable<Relation> table;

    JdbcRelationRecords(Sql sql) {
        this.table = new FactTable<>(sql, "relations", "subject_id, label, object_id", JdbcRelationRecords::map);
    }

    @Override
    public List<Relation> findByIds(ContextId contextId, Collection<String> ids) {
        return table.findByIds(contextId, ids);
    }

    @Override
    public void insert(ContextId contextId, Relation r) {
        table.insert(contextId, r, r.subjectId(), r.label(), r.objectId());
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
    public List<Relation> live(ContextId contextId, String subjectId, String label) {
        return table.query("WHERE context_id = ? AND subject_id = ? AND label = ? AND closed_at IS NULL ORDER BY created_at, id",
                contextId.value(), subjectId, label);
    }

    @Override
    public List<Relation> liveTouching(ContextId contextId, String entityId) {
        return table.query("WHERE context_id = ? AND (subject_id = ? OR object_id = ?) AND closed_at IS NULL ORDER BY label, created_at, id",
                contextId.value(), entityId, entityId);
    }

    @Override
    public List<Relation> believedAt(ContextId contextId, String entityId, Instant at) {
        return table.query("WHERE context_id = ? AND (subject_id = ? OR object_id = ?) AND created_at <= ? "
                + "AND (closed_at IS NULL OR closed_at > ?) ORDER BY label, created_at, id", contextId.value(), entityId, entityId, at, at);
    }

    @Override
    public List<Relation> allTouching(ContextId contextId, String entityId) {
        return table.query("WHERE context_id = ? AND (subject_id = ? OR object_id = ?) ORDER BY label, created_at, id",
                contextId.value(), entityId, entityId);
    }

    @Override
    public void delete(ContextId contextId, Collection<String> ids) {
        table.delete(contextId, ids);
    }

    @Override
    public List<Relation> allLive(ContextId contextId) {
        return table.query("WHERE context_id = ? AND closed_at IS NULL ORDER BY subject_id, label, created_at, id", contextId.value());
    }

    @Override
    public List<String> topLabels(ContextId contextId, int limit) {
        return table.mostUsed(contextId, "label", limit);
    }

    private static Relation map(ResultSet row) throws SQLException {
        FactColumns.Read f = FactColumns.Read.from(row);
        return new Relation(row.getString("id"), row.getString("subject_id"), row.getString("label"), row.getString("object_id"), f.category(),
                f.importance(), f.confidence(), f.scopes(), f.validFrom(), f.validUntil(), f.supersedes(), f.supersededBy(), f.source(),
                f.createdAt(), f.closedAt());
    }
}
