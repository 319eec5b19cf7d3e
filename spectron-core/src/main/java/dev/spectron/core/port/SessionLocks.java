package dev.spectron.core.port;

/**
 * Serialises chats on one session, so that a chat's user turn and its reply are adjacent in the
 * transcript and the next chat on the session sees both. The store supplies it
 * ({@link dev.spectron.core.port.MemoryStore#sessionLocks()}), because the guarantee must hold for
 * every server process on the database, not only within one.
 *
 * <p>Contract, for every implementation:
 * <ul>
 *   <li>Chats on one session ({@code contextId}, {@code sessionId}) run one at a time across every
 *       server process on the database: {@code work} runs only while no other {@code work} on the
 *       same session runs anywhere.</li>
 *   <li>Sessions never wait for each other: a lock is per session, never shared with another
 *       (no stripes), so a slow chat on one session does not delay a chat on any other.</li>
 *   <li>A holder that dies releases the lock: an exception out of {@code work}, a lost database
 *       connection or a killed process never leaves a session locked.</li>
 *   <li>Waiters are served in arrival order as far as the backend allows.</li>
 * </ul>
 * Trap: hold it only around the work that ordering needs; every other chat on the session waits.
 */
public interface SessionLocks {
    /** Runs {@code work} holding the lock of one session; exceptions from {@code work} propagate unchanged. */
    void withLock(String contextId, String sessionId, Runnable work);
}
