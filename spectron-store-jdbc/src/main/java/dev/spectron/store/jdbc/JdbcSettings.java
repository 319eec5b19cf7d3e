package dev.spectron.store.jdbc;

import dev.spectron.core.port.Settings;
import java.util.Optional;

final class JdbcSettings implements Settings {
    private final Sql sql;

    JdbcSettings(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<String> get(String name) {
        return sql.queryOne("SELECT value FROM settings WHERE name = ?", row -> row.getString(1), name);
    }

    @Override
    public void put(String name, String value) {
        sql.update("INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value", name, value);
    }
}
