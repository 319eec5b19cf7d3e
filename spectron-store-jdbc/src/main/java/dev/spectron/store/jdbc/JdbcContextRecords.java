package dev.spectron.store.jdbc;

import dev.spectron.core.context.Context;
import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.ContextRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class JdbcContextRecords implements ContextRecords {
    private static final String COLUMNS = "id, description, config, created_at";
    private final Sql sql;

    JdbcContextRecords(Sql sql) {
        this.sql = sql;
    }

    /**
     * Highest change-log sequence number any deleted context reached. A context's log starts one
     * above it, so one created again under a deleted id never hands out a number its predecessor
     * did, and the first one it hands out is not the successor of any the predecessor did: a reader
     * still positioned in the old log sees it jump (see {@code ChangeLog}).
     */
    private static final String SEQ_FLOOR = "change_seq_floor";

    @Override
    public void insert(Context context) {
        sql.insert("context '" + context.id() + "' already exists",
                "INSERT INTO contexts (id, description, config, created_at, change_seq) "
                        + "VALUES (?, ?, ?, ?, COALESCE((SELECT CAST(value AS BIGINT) + 1 FROM settings WHERE name = ?), 0))",
                context.id().value(), context.description(), JsonColumns.write(context.config().asMap()), context.createdAt(), SEQ_FLOOR);
    }

    @Override
    public Optional<Context> find(ContextId id) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM contexts WHERE id = ?", JdbcContextRecords::map, id.value());
    }

    @Override
    public List<Context> list() {
        return sql.query("SELECT " + COLUMNS + " FROM contexts ORDER BY id", JdbcContextRecords::map);
    }

    @Override
    public void updateConfig(ContextId id, ContextConfig config) {
        sql.update("UPDATE contexts SET config = ? WHERE id = ?", JsonColumns.write(config.asMap()), id.value());
    }

    @Override
    public boolean delete(ContextId id) {
        // Every table cascades from contexts (on SQLite, foreign_keys is on for every connection).
        sql.update("INSERT INTO settings (name, value) SELECT ?, CAST(change_seq AS TEXT) FROM contexts WHERE id = ? "
                + "ON CONFLICT (name) DO UPDATE SET value = CAST(" + sql.dialect().greatest()
                + "(CAST(settings.value AS BIGINT), CAST(excluded.value AS BIGINT)) AS TEXT)",
                SEQ_FLOOR, id.value());
        return sql.update("DELETE FROM contexts WHERE id = ?", id.value()) > 0;
    }

    private static Context map(ResultSet row) throws SQLException {
        return new Context(new ContextId(row.getString("id")), row.getString("description"),
                ContextConfig.of(JsonColumns.readMap(row.getString("config"))), Sql.instant(row, "created_at"));
    }
}
