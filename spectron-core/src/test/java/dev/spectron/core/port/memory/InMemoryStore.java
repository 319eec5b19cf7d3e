package dev.spectron.core.port.memory;

import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.port.SessionLocks;
import dev.spectron.core.port.StoreTransaction;
import java.util.function.Function;

/**
 * A {@link MemoryStore} in plain Java collections, for fast tests of core's orchestration. It passes
 * {@code AbstractMemoryStoreContractTest} and {@code AbstractSharedDatabaseContractTest} and copies
 * the semantics of the JDBC records both real stores share (ordering, retired documents, change-log
 * numbering, cascades); how writes stay atomic is told in {@link InMemoryDatabase}.
 *
 * <p>Differences from the real stores, none of which the contract covers: nothing survives the
 * process; instants keep their full precision (the SQL stores keep milliseconds); a write inside a
 * write on one thread fails at once instead of waiting on itself.
 */
public final class InMemoryStore implements MemoryStore {
    private final InMemoryDatabase database;
    private volatile boolean closed;

    private InMemoryStore(InMemoryDatabase database) {
        this.database = database;
    }

    /** A store on a new, empty database. */
    public static InMemoryStore open() {
        return new InMemoryStore(new InMemoryDatabase());
    }

    /** Another store on {@code database}, as another server process on the same database. */
    public static InMemoryStore on(InMemoryDatabase database) {
        return new InMemoryStore(database);
    }

    /** The database this store works on, to open another store on it. */
    public InMemoryDatabase database() {
        return database;
    }

    @Override
    public <T> T write(Function<StoreTransaction, T> work) {
        return ensureOpen().database.write(work, true);
    }

    @Override
    public <T> T read(Function<StoreTransaction, T> work) {
        return ensureOpen().database.read(work);
    }

    @Override
    public <T> T rehearse(Function<StoreTransaction, T> work) {
        return ensureOpen().database.write(work, false);
    }

    @Override
    public SessionLocks sessionLocks() {
        return database.sessionLocks();
    }

    @Override
    public String backend() {
        return "memory";
    }

    @Override
    public boolean reachable() {
        return true;
    }

    @Override
    public void close() {
        closed = true;
    }

    private InMemoryStore ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the in-memory store is closed");
        }
        return this;
    }
}
