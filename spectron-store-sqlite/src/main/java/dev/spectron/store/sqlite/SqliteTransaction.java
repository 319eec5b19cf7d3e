package dev.spectron.store.sqlite;

import dev.spectron.core.port.ChangeLog;
import dev.spectron.core.port.ContextRecords;
import dev.spectron.core.port.IdempotencyRecords;
import dev.spectron.core.port.KeyRecords;
import dev.spectron.core.port.SessionRecords;
import dev.spectron.core.port.Settings;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.core.port.TurnRecords;
import java.sql.Connection;

/** The per-aggregate parts over one open connection; cheap enough to build per transaction. */
final class SqliteTransaction implements StoreTransaction {
    private final Sql sql;

    SqliteTransaction(Connection connection) {
        this.sql = new Sql(connection);
    }

    @Override
    public ContextRecords contexts() {
        return new SqliteContextRecords(sql);
    }

    @Override
    public KeyRecords keys() {
        return new SqliteKeyRecords(sql);
    }

    @Override
    public SessionRecords sessions() {
        return new SqliteSessionRecords(sql);
    }

    @Override
    public TurnRecords turns() {
        return new SqliteTurnRecords(sql);
    }

    @Override
    public ChangeLog changes() {
        return new SqliteChangeLog(sql);
    }

    @Override
    public IdempotencyRecords idempotency() {
        return new SqliteIdempotencyRecords(sql);
    }

    @Override
    public Settings settings() {
        return new SqliteSettings(sql);
    }
}
