package dev.spectron.core.chat;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises chats on one session, so that a chat's user turn and its reply are adjacent in the
 * transcript and the next chat sees both. Striped: sessions share a fixed set of locks, so memory
 * stays bounded; two sessions on one stripe merely wait for each other. Within one process only —
 * several server processes on one database would need a database lock.
 */
public final class SessionLocks {
    private static final int STRIPES = 256;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public SessionLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock(true);
        }
    }

    public void withLock(String contextId, String sessionId, Runnable work) {
        ReentrantLock lock = locks[Math.floorMod((contextId + "\0" + sessionId).hashCode(), STRIPES)];
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }
}
