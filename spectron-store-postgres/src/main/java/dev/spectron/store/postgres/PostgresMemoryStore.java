package dev.spectron.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.spectron.core.StoreUnavailableException;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.port.SessionLocks;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.store.jdbc.JdbcTransaction;
import dev.spectron.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store on PostgreSQL, for several server nodes on one database (DESIGN.md §9).
 *
 * <p>Writes keep SQLite's single-writer model, across every node: each {@link #write} and
 * {@link #rehearse} transaction first takes one database-wide transaction-level advisory lock
 * ({@link #WRITE_LOCK_KEY}), released at commit or rollback. Correctness across nodes comes first:
 * read-then-insert inside a write (the next turn seq, the change-log seq, the idempotency check)
 * stays race-free however many processes write, with no retry loop. Per-context locks could raise
 * write throughput later without changing the port. Within one process writers also queue on a
 * local fair lock first, so a burst of writers holds one pooled connection, not all of them, and
 * readers keep theirs.
 *
 * <p>Reads run {@code REPEATABLE READ, READ ONLY} on a pool of their own, whose sessions default to
 * both, so a read costs no statement beyond its queries: one read sees one snapshot. Commits use the
 * server's default {@code synchronous_commit}, so an acknowledged write is durable. A transaction
 * that fails is rolled back; a connection that cannot roll back, or that broke, is evicted from the
 * pool, so none in an unknown state (open or aborted transaction) is handed out again.
 */
public final class PostgresMemoryStore implements MemoryStore {
    /** "SPECTRON" in ASCII: the one advisory lock every writer on the database takes. */
    static final long WRITE_LOCK_KEY = 0x5350454354524F4EL;
    static final String MIGRATIONS = "classpath:db/migration/postgres";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresMemoryStore.class);
    private static final Duration REACHABLE_TIMEOUT = Duration.ofSeconds(2);
    /** Beyond the statement timeout, a socket silent this long means the peer is gone (no RST after a partition). */
    private static final Duration SOCKET_GRACE = Duration.ofSeconds(10);

    /** Session defaults of the write pool: none beyond the statement timeout. */
    private static final String WRITER_OPTIONS = "";
    /**
     * Session defaults of the read pool: every transaction a snapshot that cannot write, with no
     * {@code SET TRANSACTION} round trip per read (a {@code /context} read runs several).
     */
    private static final String READER_OPTIONS = " -c default_transaction_isolation=repeatable\\ read -c default_transaction_read_only=on";

    /** Connections that hold chat session locks, apart from the main pool: a node chats on at most this many sessions at once. */
    static final int SESSION_LOCK_CONNECTIONS = 32;
    /** How long a chat waits for a lock connection while all of them hold sessions. */
    private static final Duration SESSION_LOCK_WAIT = Duration.ofMinutes(2);

    /** Writes queue on {@link #localWriter} before they take a connection, so two are enough. */
    static final int WRITE_CONNECTIONS = 2;

    private final HikariDataSource pool;
    private final HikariDataSource readers;
    private final HikariDataSource lockPool;
    private final PostgresSettings settings;
    private final ReentrantLock localWriter = new ReentrantLock(true);
    private final SessionLocks sessionLocks;

    private PostgresMemoryStore(HikariDataSource pool, HikariDataSource readers, HikariDataSource lockPool, PostgresSettings settings) {
        this.pool = pool;
        this.readers = readers;
        this.lockPool = lockPool;
        this.settings = settings;
        this.sessionLocks = new PostgresSessionLocks(lockPool);
    }

    /**
     * Opens the pool and brings the schema up to date; several nodes may do so at once (Flyway
     * serialises them with a lock of its own).
     *
     * @throws PostgresStoreException within about the connect timeout when the database is unreachable or
     *         refuses the login, with one line: {@code cannot connect to PostgreSQL at host:port/db: reason}
     */
    public static PostgresMemoryStore open(PostgresSettings settings) {
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(settings, "spectron-postgres-writer", WRITE_CONNECTIONS, WRITER_OPTIONS));
        } catch (RuntimeException e) {
            throw cannotConnect(settings, e);
        }
        HikariDataSource readers;
        try {
            readers = new HikariDataSource(poolConfig(settings, "spectron-postgres-reader", settings.poolSize(), READER_OPTIONS));
        } catch (RuntimeException e) {
            pool.close();
            throw cannotConnect(settings, e);
        }
        try {
            migrate(settings);
        } catch (FlywayException e) {
            readers.close();
            pool.close();
            throw new PostgresStoreException("cannot migrate the PostgreSQL schema at " + settings.describe() + ": " + SqlStates.oneLine(e), e);
        }
        LOG.info("PostgreSQL store open at {} ({} read connections, {} for writes)", settings.describe(), settings.poolSize(), WRITE_CONNECTIONS);
        return new PostgresMemoryStore(pool, readers, new HikariDataSource(lockPoolConfig(settings)), settings);
    }

    @Override
    public <T> T write(Function<StoreTransaction, T> work) {
        return exclusively(() -> inTransaction(work, Mode.WRITE));
    }

    @Override
    public <T> T read(Function<StoreTransaction, T> work) {
        return inTransaction(work, Mode.READ);
    }

    @Override
    public <T> T rehearse(Function<StoreTransaction, T> work) {
        return exclusively(() -> inTransaction(work, Mode.REHEARSE));
    }

    @Override
    public SessionLocks sessionLocks() {
        return sessionLocks;
    }

    @Override
    public String backend() {
        return "postgres";
    }

    /** Asks on a virtual thread and stops waiting after two seconds, so a hung network never hangs the caller. */
    @Override
    public boolean reachable() {
        FutureTask<Boolean> check = new FutureTask<>(this::answersQueries);
        Thread.ofVirtual().name("spectron-postgres-reachable").start(check);
        try {
            return check.get(REACHABLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            LOG.debug("PostgreSQL at {} did not answer within {}", settings.describe(), REACHABLE_TIMEOUT);
            return false;
        } catch (ExecutionException e) {
            LOG.debug("PostgreSQL at {} not reachable: {}", settings.describe(), SqlStates.oneLine(e));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        lockPool.close();
        readers.close();
        pool.close();
    }

    private boolean answersQueries() throws SQLException {
        try (Connection connection = readers.getConnection()) {
            return connection.isValid((int) REACHABLE_TIMEOUT.toSeconds());
        }
    }

    /** A read needs no statement of its own: its pool's sessions default to repeatable-read, read-only transactions. */
    private enum Mode {
        READ(null, false),
        WRITE("SELECT pg_advisory_xact_lock(" + WRITE_LOCK_KEY + ")", true),
        REHEARSE("SELECT pg_advisory_xact_lock(" + WRITE_LOCK_KEY + ")", false);

        final String begin;
        final boolean commits;

        Mode(String begin, boolean commits) {
            this.begin = begin;
            this.commits = commits;
        }
    }

    private <T> T exclusively(java.util.function.Supplier<T> work) {
        try {
            if (!localWriter.tryLock(settings.statementTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreUnavailableException("timed out after " + settings.statementTimeout() + " waiting for the write lock", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresStoreException("interrupted while waiting for the write lock", e);
        }
        try {
            return work.get();
        } finally {
            localWriter.unlock();
        }
    }

    private <T> T inTransaction(Function<StoreTransaction, T> work, Mode mode) {
        HikariDataSource source = mode == Mode.READ ? readers : pool;
        Connection connection = borrow(source);
        try {
            if (mode.begin != null) {
                try (Statement begin = connection.createStatement()) {
                    begin.execute(mode.begin); // the first statement opens the transaction (autocommit is off)
                }
            }
            T result = work.apply(new JdbcTransaction(new Sql(connection, PostgresDialect.INSTANCE)));
            if (mode.commits) {
                connection.commit();
            } else {
                connection.rollback();
            }
            return result;
        } catch (SQLException e) {
            abandon(source, connection, e);
            throw PostgresStoreException.forStatement("transaction " + (mode.commits ? "begin or commit" : "begin or rollback"), e);
        } catch (RuntimeException | Error e) {
            abandon(source, connection, e);
            throw e;
        } finally {
            closeQuietly(connection);
        }
    }

    private static Connection borrow(HikariDataSource source) {
        try {
            return source.getConnection();
        } catch (SQLException e) {
            throw PostgresStoreException.unavailable(e);
        }
    }

    /**
     * Rolls back after a failure. A broken connection, or one whose rollback fails, is evicted so
     * the pool never hands it out again; the rollback failure is attached to the cause as suppressed.
     */
    private static void abandon(HikariDataSource source, Connection connection, Throwable cause) {
        if (brokenBy(cause)) {
            source.evictConnection(connection);
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
            source.evictConnection(connection);
        }
    }

    private static boolean brokenBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && SqlStates.isUnavailable(sql)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Returning a connection to the pool fails only if it is already gone; there is nothing left to do then. */
    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing a pooled PostgreSQL connection failed: {}", e.getMessage());
        }
    }

    private static HikariConfig poolConfig(PostgresSettings settings, String name, int size, String sessionOptions) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        PGSimpleDataSource dataSource = dataSource(settings, settings.statementTimeout());
        dataSource.setOptions(dataSource.getOptions() + sessionOptions);
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        config.setAutoCommit(false);
        // One attempt at start: an unreachable database fails open() at once instead of retrying.
        config.setInitializationFailTimeout(1);
        return config;
    }

    /**
     * Session-level advisory locks outlive transactions, so their connections stay in autocommit;
     * none is opened until a chat needs one, and an idle one is closed again.
     */
    private static HikariConfig lockPoolConfig(PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("spectron-postgres-session-locks");
        config.setDataSource(dataSource(settings, null));
        config.setMaximumPoolSize(SESSION_LOCK_CONNECTIONS);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(SESSION_LOCK_WAIT.toMillis());
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(-1);
        return config;
    }

    /** {@code statementTimeout} null: none (migrations may legitimately run long). */
    private static PGSimpleDataSource dataSource(PostgresSettings settings, Duration statementTimeout) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(settings.jdbcUrl());
        dataSource.setUser(settings.user());
        if (settings.password() != null) {
            dataSource.setPassword(settings.password());
        }
        int connectSeconds = (int) Math.max(1, Math.ceilDiv(settings.connectTimeout().toMillis(), 1000));
        dataSource.setConnectTimeout(connectSeconds);
        dataSource.setLoginTimeout(connectSeconds);
        dataSource.setApplicationName("spectron");
        dataSource.setTcpKeepAlive(true);
        if (statementTimeout != null) {
            dataSource.setOptions("-c statement_timeout=" + statementTimeout.toMillis());
            dataSource.setSocketTimeout((int) statementTimeout.plus(SOCKET_GRACE).toSeconds());
        }
        return dataSource;
    }

    /** Flyway takes its own connections, without the statement timeout, and a PostgreSQL lock that makes concurrent starts run it once. */
    private static void migrate(PostgresSettings settings) {
        var result = Flyway.configure()
                .dataSource(dataSource(settings, null))
                .locations(MIGRATIONS)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("PostgreSQL schema at {} migrated to version {}", settings.describe(), result.targetSchemaVersion);
        }
    }

    private static PostgresStoreException cannotConnect(PostgresSettings settings, RuntimeException failure) {
        return new PostgresStoreException("cannot connect to PostgreSQL at " + settings.describe() + ": " + SqlStates.oneLine(failure), failure);
    }
}
