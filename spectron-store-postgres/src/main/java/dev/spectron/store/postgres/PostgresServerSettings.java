package dev.spectron.store.postgres;

import dev.spectron.core.port.Settings;
import java.util.Optional;

/** Server-wide values (the {@code settings} table), not to be confused with {@link PostgresSettings}, the connection settings. */
final class PostgresServerSettings implements Settings {
    private final Sql sql;

    PostgresServerSettings(Sql sql) {
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
