package dev.spectron.store.jdbc;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.EntityType;
import dev.spectron.core.memory.MemoryCategory;
import dev.spectron.core.port.EntityRecords;
import dev.spectron.core.session.ScopeSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

final class JdbcEntityRecords implements EntityRecords {
    private static final String COLUMNS = "id, type, name, memory_category, importance, scopes, source_turn, created_at, updated_at, deleted_at";
    private final Sql sql;

    JdbcEntityRecords(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(ContextId contextId, Entity entity) {
        sql.insert("entity " + entity.ref().path() + " already exists",
                "INSERT INTO entities (context_id, id, type, normalised_name, name, memory_category, importance, scopes, source_turn, "
                        + "created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                contextId.value(), entity.id(), entity.ref().type().wireName(), entity.ref().normalisedName(), entity.ref().name(),
                entity.category().wireName(), entity.importance(), JsonColumns.write(entity.scopes().asStrings()), entity.sourceTurn(),
                entity.createdAt(), entity.updatedAt(), entity.deletedAt());
    }

    @Override
    public void update(ContextId contextId, Entity entity) {
        sql.update("UPDATE entities SET memory_category = ?, importance = ?, scopes = ?, updated_at = ?, deleted_at = ? "
                        + "WHERE context_id = ? AND id = ?",
                entity.category().wireName(), entity.importance(), JsonColumns.write(entity.scopes().asStrings()), entity.updatedAt(),
                entity.deletedAt(), contextId.value(), entity.id());
    }

    @Override
    public void delete(ContextId contextId, String id) {
        sql.update("DELETE FROM entities WHERE context_id = ? AND id = ?", contextId.value(), id);
    }

    @Override
    public Optional<Entity> find(ContextId contextId, EntityRef ref) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM entities WHERE context_id = ? AND type = ? AND normalised_name = ?",
                JdbcEntityRecords::map, contextId.value(), ref.type().wireName(), ref.normalisedName());
    }

    @Override
    public List<Entity> findByIds(ContextId contextId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(contextId.value());
        params.addAll(ids);
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return sql.query("SELECT " + COLUMNS + " FROM entities WHERE context_id = ? AND id IN (" + marks + ")",
                JdbcEntityRecords::map, params.toArray());
    }

    @Override
    public List<Entity> findByNames(ContextId contextId, Collection<String> normalisedNames) {
        if (normalisedNames.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(contextId.value());
        params.addAll(normalisedNames);
        String marks = String.join(", ", java.util.Collections.nCopies(normalisedNames.size(), "?"));
        return sql.query("SELECT " + COLUMNS + " FROM entities WHERE context_id = ? AND deleted_at IS NULL AND normalised_name IN (" + marks + ")",
                JdbcEntityRecords::map, params.toArray());
    }

    @Override
    public List<Entity> list(ContextId contextId, EntityType type, int limit, int offset) {
        return type == null
                ? sql.query("SELECT " + COLUMNS + " FROM entities WHERE context_id = ? AND deleted_at IS NULL "
                        + "ORDER BY type, normalised_name LIMIT ? OFFSET ?", JdbcEntityRecords::map, contextId.value(), limit, offset)
                : sql.query("SELECT " + COLUMNS + " FROM entities WHERE context_id = ? AND type = ? AND deleted_at IS NULL "
                        + "ORDER BY normalised_name LIMIT ? OFFSET ?", JdbcEntityRecords::map, contextId.value(), type.wireName(), limit, offset);
    }

    private static Entity map(ResultSet row) throws SQLException {
        return new Entity(row.getString("id"), new EntityRef(EntityType.normalise(row.getString("type")), row.getString("name")),
                MemoryCategory.parse(row.getString("memory_category")), row.getDouble("importance"),
                ScopeSet.parse(JsonColumns.readClauses(row.getString("scopes"))), row.getString("source_turn"),
                Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"), Sql.instant(row, "deleted_at"));
    }
}
