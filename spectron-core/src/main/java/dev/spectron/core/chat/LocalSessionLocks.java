package dev.spectron.core.chat;

import dev.spectron.core.port.SessionLocks;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link SessionLocks} for a store that one process owns (SQLite: one process per data directory).
 * One fair lock per session, so waiters on a session go first come, first served, and no session
 * ever waits for another.
 *
 * <p>Memory is bounded by the sessions in use: an entry exists only while someone holds or waits
 * for its lock. The count of holders and waiters changes only inside {@link ConcurrentMap#compute},
 * which is atomic per key, so an entry is removed exactly when its count reaches zero, and a caller
 * arriving at that moment either joins the entry before the removal (and keeps it) or makes a new
 * one after it. A process that dies takes its locks with it.
 */
public final class LocalSessionLocks implements SessionLocks {
    private record Key(String contextId, String sessionId) {
    }

    /** A session's lock and how many callers hold or wait for it; {@code users} changes only inside {@code compute}. */
    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    private final ConcurrentMap<Key, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public void withLock(String contextId, String sessionId, Runnable work) {
        Key key = new Key(contextId, sessionId);
        Entry entry = entries.compute(key, (k, existing) -> {
            Entry e = existing == null ? new Entry() : existing;
            e.users++;
            return e;
        });
        try {
            entry.lock.lock();
            try {
                work.run();
            } finally {
                entry.lock.unlock();
            }
        } finally {
            entries.compute(key, (k, e) -> --e.users == 0 ? null : e);
        }
    }

    /** Sessions that someone holds or waits for: zero when the server is idle. */
    public int activeSessions() {
        return entries.size();
    }

    /** Callers queued behind the holder of one session's lock (for tests). */
    int queued(String contextId, String sessionId) {
        Entry entry = entries.get(new Key(contextId, sessionId));
        return entry == null ? 0 : entry.lock.getQueueLength();
    }
}
