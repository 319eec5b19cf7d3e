package dev.spectron.store.jdbc;

import dev.spectron.core.auth.ApiKey;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.KeyRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class JdbcKeyRecords implements KeyRecords {
    private static final String COLUMNS = "id, context_id, name, secret_hash, created_at, valid_until";
    private final Sql sql;

    JdbcKeyRecords(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(ApiKey key) {
        sql.insert("context '" + key.contextId() + "' already has a key named '" + key.name() + "'",
                "INSERT INTO api_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                key.id(), key.contextId().value(), key.name(), key.secretHash(), key.createdAt(), key.validUntil());
    }

    @Override
    public Optional<ApiKey> findBySecretHash(String secretHash) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM api_keys WHERE secret_hash = ?", JdbcKeyRecords::map, secretHash);
    }

    @Override
    public Optional<ApiKey> findByName(ContextId contextId, String name) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM api_keys WHERE context_id = ? AND name = ?",
                JdbcKeyRecords::map, contextId.value(), name);
    }

    @Override
    public List<ApiKey> list(ContextId contextId) {
        return sql.query("SELECT " + COLUMNS + " FROM api_keys WHERE context_id = ? ORDER BY name",
                JdbcKeyRecords::map, contextId.value());
    }

    @Override
    public void replaceSecret(ApiKey key) {
        sql.update("UPDATE api_keys SET secret_hash = ?, valid_until = ? WHERE context_id = ? AND id = ?",
                key.secretHash(), key.validUntil(), key.contextId().value(), key.id());
    }

    @Override
    public boolean delete(ContextId contextId, String name) {
        return sql.update("DELETE FROM api_keys WHERE context_id = ? AND name = ?", contextId.value(), name) > 0;
    }

    private static ApiKey map(ResultSet row) throws SQLException {
        return new ApiKey(row.getString("id"), new ContextId(row.getString("context_id")), row.getString("name"),
                row.getString("secret_hash"), Sql.instant(row, "created_at"), Sql.instant(row, "valid_until"));
    }
}
