package dev.spectron.store.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * An online backup of the embedded database: {@code VACUUM INTO} writes one consistent snapshot
 * (a read transaction, so a running server goes on reading and writing meanwhile) as a plain
 * database file without a WAL. A copy of the live files would not do: {@code spectron.db} alone
 * lacks what is still in {@code spectron.db-wal}, and copying both is not atomic.
 */
public final class SqliteBackup {
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private SqliteBackup() {
    }

    /**
     * Writes a snapshot of {@code database} to {@code target}, which must not exist. Restoring is
     * copying it to {@code spectron.db} in an empty data directory.
     */
    public static void write(Path database, Path target) {
        if (!Files.isRegularFile(database)) {
            throw new SqliteStoreException("no database at " + database, null);
        }
        if (Files.exists(target)) {
            throw new SqliteStoreException("the backup target " + target + " exists; choose a new file", null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS); // a writer holding the lock is waited for, not failed
        try (Connection connection = config.createConnection("jdbc:sqlite:" + database.toAbsolutePath());
             PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toAbsolutePath().toString());
            vacuum.execute();
        } catch (SQLException e) {
            throw SqliteFailures.translate("backup", e);
        }
    }
}
