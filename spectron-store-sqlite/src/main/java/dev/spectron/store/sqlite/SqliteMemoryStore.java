package dev.spectron.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.spectron.core.chat.LocalSessionLocks;
import dev.spectron.core.chat.SessionLocks;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.port.StoreTransaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded default store: one SQLite file in WAL mode.
 *
 * <p>Writes go through a pool of exactly one connection whose transactions begin IMMEDIATE, so
 * writers queue in the pool instead of failing with SQLITE_BUSY, and read-then-insert inside a
 * write is race-free. {@code synchronous=FULL} makes each commit durable (fsync of the WAL)
 * before {@link #write} returns. Readers use their own small pool and see WAL snapshots, so they
 * never wait for the writer.
 *
 * <p>One process owns a data directory, so the per-session chat locks live in this process
 * ({@link LocalSessionLocks}).
 */
public final class SqliteMemoryStore implements MemoryStore {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteMemoryStore.class);
    private static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final HikariDataSource writer;
    private final HikariDataSource readers;
    private final SessionLocks sessionLocks = new LocalSessionLocks();

    private SqliteMemoryStore(HikariDataSource writer, HikariDataSource readers) {
        this.writer = writer;
        this.readers = readers;
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static SqliteMemoryStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new SqliteStoreException("cannot create the data directory for " + file, e);
        }
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        migrate(dataSource(url, SQLiteConfig.TransactionMode.IMMEDIATE));
        HikariDataSource writer = pool("spectron-sqlite-writer", dataSource(url, SQLiteConfig.TransactionMode.IMMEDIATE), 1);
        HikariDataSource readers = pool("spectron-sqlite-reader", dataSource(url, SQLiteConfig.TransactionMode.DEFERRED), READERS);
        LOG.info("SQLite store open at {}", file.toAbsolutePath());
        return new SqliteMemoryStore(writer, readers);
    }

    @Override
    public <T> T write(Function<StoreTransaction, T> work) {
        return inTransaction(writer, work, true);
    }

    @Override
    public <T> T read(Function<StoreTransaction, T> work) {
        return inTransaction(readers, work, false);
    }

    @Override
    public <T> T rehearse(Function<StoreTransaction, T> work) {
        return inTransaction(writer, work, false);
    }

    @Override
    public SessionLocks sessionLocks() {
        return sessionLocks;
    }

    @Override
    public String backend() {
        return "sqlite";
    }

    @Override
    public void close() {
        readers.close();
        writer.close();
    }

    /**
     * Runs {@code work} in the connection's open transaction, then commits or rolls back. A
     * connection whose state is in doubt afterwards (its rollback failed, or a statement failed in
     * a way that lets SQLite roll back on its own) is evicted from the pool, so the next
     * transaction starts on a fresh one: sqlite-jdbc re-issues {@code BEGIN} only after a
     * successful commit or rollback, and a connection without it runs every statement in
     * autocommit (issue 20 point 0).
     */
    private static <T> T inTransaction(HikariDataSource pool, Function<StoreTransaction, T> work, boolean commit) {
        try (Connection connection = borrow(pool)) {
            Sql sql = new Sql(connection);
            T result;
            try {
                result = work.apply(new SqliteTransaction(sql));
                Optional<SQLException> ended = sql.endedBy();
                if (ended.isPresent()) { // the work swallowed the failure; committing now would keep part of it
                    throw SqliteFailures.translate("transaction", ended.get());
                }
            } catch (RuntimeException | Error e) {
                rollbackOrEvict(pool, connection, sql, e);
                throw e;
            }
            finish(pool, connection, sql, commit);
            return result;
        } catch (SQLException e) {
            throw SqliteFailures.translate("transaction", e);
        }
    }

    private static void finish(HikariDataSource pool, Connection connection, Sql sql, boolean commit) {
        try {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            RuntimeException failure = SqliteFailures.translate(commit ? "commit" : "rollback", e);
            rollbackOrEvict(pool, connection, sql, failure);
            throw failure;
        }
    }

    /** A failed rollback must not hide the failure that caused it; it is attached as suppressed. */
    private static void rollbackOrEvict(HikariDataSource pool, Connection connection, Sql sql, Throwable cause) {
        boolean inDoubt = sql.endedBy().isPresent();
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
            inDoubt = true;
        }
        if (inDoubt) {
            LOG.warn("{}: discarding a connection whose transaction state is unknown after: {}", pool.getPoolName(), cause.getMessage());
            pool.evictConnection(connection);
        }
    }

    /**
     * A pooled connection, in a transaction. Hikari restores autocommit off when a connection comes
     * back; one found in autocommit was changed behind the pool's back and is replaced.
     */
    private static Connection borrow(HikariDataSource pool) throws SQLException {
        Connection connection = pool.getConnection();
        if (!connection.getAutoCommit()) {
            return connection;
        }
        LOG.warn("{}: discarding a connection found in autocommit", pool.getPoolName());
        pool.evictConnection(connection);
        connection.close();
        connection = pool.getConnection();
        if (connection.getAutoCommit()) {
            connection.close();
            throw new SqliteStoreException("a fresh " + pool.getPoolName() + " connection is in autocommit", null);
        }
        return connection;
    }

    private static SQLiteDataSource dataSource(String url, SQLiteConfig.TransactionMode mode) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(mode);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }

    private static HikariDataSource pool(String name, SQLiteDataSource dataSource, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        return new HikariDataSource(config);
    }

    private static void migrate(SQLiteDataSource dataSource) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/sqlite")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("SQLite schema migrated to version {}", result.targetSchemaVersion);
        }
    }
}
