package dev.spectron.core.port.memory;

import dev.spectron.core.chat.LocalSessionLocks;
import dev.spectron.core.port.SessionLocks;
import dev.spectron.core.port.StoreTransaction;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The state that {@link InMemoryStore}s share, as stores share one database: the committed tables,
 * the write lock and the session locks. Open several stores on one to play several server
 * processes on one database.
 *
 * <p><b>Atomic writes by copy-on-write.</b> A write takes the write lock, copies the committed
 * {@link Tables} (the maps, never the rows: rows are immutable records), runs the work on the copy
 * and, if the work returns, publishes the copy as the committed state with one volatile store. A work
 * that throws leaves the committed state as it was, because it never touched it; a rehearsal runs
 * the same way and drops its copy. Readers take the committed tables as they find them: nothing
 * changes a published state, so a read sees a consistent snapshot without a lock, and a write under
 * way is invisible to it, as an uncommitted transaction is. Chosen over an undo log because nothing
 * can be forgotten: an undo log needs an inverse for every mutation and is only as correct as the
 * least careful of them, while a copy has no such case. The price, a copy of every map per write,
 * is nothing at the sizes tests use.
 */
public final class InMemoryDatabase {
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final SessionLocks sessionLocks = new LocalSessionLocks();
    private volatile Tables committed = Tables.empty();

    /** Runs {@code work} on a copy of the committed tables under the write lock; publishes the copy if {@code commit}. */
    <T> T write(Function<StoreTransaction, T> work, boolean commit) {
        if (writeLock.isHeldByCurrentThread()) {
            // A JDBC store's single writer connection would wait on itself here; fail at once instead.
            throw new IllegalStateException("a write inside a write on the same thread would deadlock on a real store");
        }
        writeLock.lock();
        try {
            Tables working = committed.copy();
            T result = run(new InMemoryTransaction(working, true), work);
            if (commit) {
                committed = working;
            }
            return result;
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on the committed tables as they are now; the transaction refuses to write. */
    <T> T read(Function<StoreTransaction, T> work) {
        return run(new InMemoryTransaction(committed, false), work);
    }

    SessionLocks sessionLocks() {
        return sessionLocks;
    }

    private static <T> T run(InMemoryTransaction tx, Function<StoreTransaction, T> work) {
        try {
            return work.apply(tx);
        } finally {
            tx.end();
        }
    }
}
