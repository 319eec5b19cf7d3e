package dev.spectron.store.sqlite;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Relation;
import dev.spectron.core.port.RelationRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

final class SqliteRelationRecords implements RelationRecords {
    @Override
    public List<String> topLabels(ContextId contextId, int limit) {
        return sql.query("SELECT label FROM relations WHERE context_id = ? AND closed_at IS NULL GROUP BY label ORDER BY COUNT(*) DESC, label LIMIT ?",
                row -> row.getString(1), contextId.value(), limit);
    }

    private static final String SELECT = "SELECT id, subject_id, label, object_id, " + FactColumns.NAMES + " FROM relations ";
    private final Sql sql;

    SqliteRelationRecords(Sql sql) {
        this.sql = sql;
    }

    @Override
    public List<Relation> findByIds(ContextId contextId, java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> params = new java.util.ArrayList<>();
        params.add(contextId.value());
        params.addAll(ids);
        return sql.query(SELECT + "WHERE context_id = ? AND id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")",
                SqliteRelationRecords::map, params.toArray());
    }

    @Override
    public void insert(ContextId contextId, Relation r) {
        sql.update("INSERT INTO relations (context_id, id, subject_id, label, object_id, " + FactColumns.NAMES + ") VALUES (?, ?, ?, ?, ?, "
                + FactColumns.MARKS + ")", FactColumns.prepend(new Object[] {contextId.value(), r.id(), r.subjectId(), r.label(), r.objectId()},
                FactColumns.values(r)));
    }

    @Override
    public void close(ContextId contextId, String id, Instant validUntil, String supersededBy, Instant closedAt) {
        sql.update("UPDATE relations SET valid_until = ?, superseded_by = ?, closed_at = ? WHERE context_id = ? AND id = ? AND closed_at IS NULL",
                validUntil, supersededBy, closedAt, contextId.value(), id);
    }

    @Override
    public void reinforce(ContextId contextId, String id, double importance, double confidence) {
        sql.update("UPDATE relations SET importance = ?, confidence = ? WHERE context_id = ? AND id = ?", importance, confidence, contextId.value(), id);
    }

    @Override
    public List<Relation> live(ContextId contextId, String subjectId, String label) {
        return sql.query(SELECT + "WHERE context_id = ? AND subject_id = ? AND label = ? AND closed_at IS NULL ORDER BY created_at, id",
                SqliteRelationRecords::map, contextId.value(), subjectId, label);
    }

    @Override
    public List<Relation> liveTouching(ContextId contextId, String entityId) {
        return sql.query(SELECT + "WHERE context_id = ? AND (subject_id = ? OR object_id = ?) AND closed_at IS NULL ORDER BY label, created_at, id",
                SqliteRelationRecords::map, contextId.value(), entityId, entityId);
    }

    @Override
    public List<Relation> believedAt(ContextId contextId, String entityId, Instant at) {
        return sql.query(SELECT + "WHERE context_id = ? AND (subject_id = ? OR object_id = ?) AND created_at <= ? "
                + "AND (closed_at IS NULL OR closed_at > ?) ORDER BY label, created_at, id",
                SqliteRelationRecords::map, contextId.value(), entityId, entityId, at, at);
    }

    @Override
    public List<Relation> allLive(ContextId contextId) {
        return sql.query(SELECT + "WHERE context_id = ? AND closed_at IS NULL ORDER BY subject_id, label, created_at, id",
                SqliteRelationRecords::map, contextId.value());
    }

    private static Relation map(ResultSet row) throws SQLException {
        FactColumns.Read f = FactColumns.Read.from(row);
        return new Relation(row.getString("id"), row.getString("subject_id"), row.getString("label"), row.getString("object_id"), f.category(),
                f.importance(), f.confidence(), f.scopes(), f.validFrom(), f.validUntil(), f.supersedes(), f.supersededBy(), f.source(),
                f.createdAt(), f.closedAt());
    }
}
