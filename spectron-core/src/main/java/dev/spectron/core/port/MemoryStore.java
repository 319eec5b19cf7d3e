package dev.spectron.core.port;

import java.util.function.Function;

/**
 * The storage port. Implementations: SQLite (embedded default) and PostgreSQL; both pass
 * {@code AbstractMemoryStoreContractTest} and {@code AbstractSharedDatabaseContractTest}.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #write} runs {@code work} in one transaction. When it returns, the transaction is
 *       committed and durable: a process crash afterwards loses nothing. If {@code work} throws,
 *       nothing it wrote is kept and the exception propagates unchanged.</li>
 *   <li>Writes are serialised: two concurrent {@code write} calls never interleave, so
 *       read-then-insert inside one (e.g. the next turn seq) is safe. This holds across every
 *       store open on the same database, in this process or another.</li>
 *   <li>{@link #read} sees a consistent snapshot and must not write.</li>
 *   <li>Every query is filtered by context id; nothing crosses contexts.</li>
 * </ul>
 * Trap: do not call a model or any slow I/O inside {@code write}: it holds the write lock.
 */
public interface MemoryStore extends AutoCloseable {
    <T> T write(Function<StoreTransaction, T> work);

    <T> T read(Function<StoreTransaction, T> work);

    /** Runs {@code work} like {@link #write}, then rolls it back: a dry run that sees its own writes. */
    <T> T rehearse(Function<StoreTransaction, T> work);

    /**
     * The per-session chat locks for every server process on this store (see {@link SessionLocks}
     * for the contract): one instance for the store's lifetime.
     */
    SessionLocks sessionLocks();

    /** A short name for health output and logs, e.g. {@code sqlite}. */
    String backend();

    /**
     * Answers within about two seconds whether the database takes queries; never hangs and never
     * throws. For health checks: a database that is down must make health say so, not hang it.
     */
    boolean reachable();

    @Override
    void close();
}
