package dev.spectron.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.spectron.core.chat.LocalSessionLocks;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.port.SessionLocks;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.store.jdbc.JdbcTransaction;
import dev.spectron.store.jdbc.Sql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * write is race-free; another store on the same file (another process) waits on SQLite's file
 * lock through the busy timeout. {@code synchronous=FULL} makes each commit durable (fsync of the WAL)
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
    /** Takes the write lock at once, waiting up to the busy timeout for a writer in another store or process. */
    private static final String BEGIN_WRITE = "BEGIN IMMEDIATE";
    /** WAL: the snapshot is taken at the first read and held until the end. */
    private static final String BEGIN_READ = "BEGIN";
    private static final int REACHABLE_TIMEOUT_SECONDS = 2;

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
        return inTransaction(writer, BEGIN_WRITE, work, true);
    }

    @Override
    public <T> T read(Function<StoreTransaction, T> work) {
        return inTransaction(readers, BEGIN_READ, work, false);
    }

    @Override
    public <T> T rehearse(Function<StoreTransaction, T> work) {
        return inTransaction(writer, BEGIN_WRITE, work, false);
    }

    @Override
    public SessionLocks sessionLocks() {
        return sessionLocks;
    }

    @Override
    public boolean reachable() {
        // A local file has no network to hang on; a reader answers at once unless the file is gone or corrupt.
        try (Connection connection = readers.getConnection(); var statement = connection.createStatement()) {
            statement.setQueryTimeout(REACHABLE_TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            LOG.warn("SQLite store not reachable: {}", e.getMessage());
            return false;
        }
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
     * Runs {@code work} between an explicit {@code begin} and {@code COMMIT} (or {@code ROLLBACK}).
     * Connections stay in autocommit between transactions, so every transaction starts from a
     * known state: after SQLITE_FULL, SQLite has rolled back by itself and the next {@code BEGIN}
     * opens a new transaction, where a driver-managed one would have gone on in autocommit
     * (issue 20 point 0). A connection whose state is still in doubt (its rollback failed, or a
     * statement failed in a way that lets SQLite roll back on its own) is evicted all the same.
     */
    private static <T> T inTransaction(HikariDataSource pool, String begin, Function<StoreTransaction, T> work, boolean commit) {
        try (Connection connection = pool.getConnection()) {
            execute(connection, begin);
            Sql sql = new Sql(connection, SqliteDialect.INSTANCE);
            T result;
            try {
                result = work.apply(new JdbcTransaction(sql));
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
            execute(connection, commit ? "COMMIT" : "ROLLBACK");
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
            execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
            inDoubt = true;
        }
        if (inDoubt) {
            LOG.warn("{}: discarding a connection whose transaction state is unknown after: {}", pool.getPoolName(), cause.getMessage());
            pool.evictConnection(connection);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
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
        // Autocommit stays on and transactions are opened by explicit BEGIN statements: with it
        // off, sqlite-jdbc begins the next transaction right after each commit, so an idle writer
        // would hold the database's write lock and a second store on the file could never write.
        config.setAutoCommit(true);
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
