package dev.spectron.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.spectron.core.chat.LocalSessionLocks;
import dev.spectron.core.port.SessionLocks;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@link SessionLocks} across every server process on one database: a PostgreSQL session-level
 * advisory lock per chat session, held on a connection of its own for the length of the chat.
 *
 * <p>Callers on one node first queue in process ({@link LocalSessionLocks}), so a node holds at most
 * one connection per busy session, never one per waiting chat. The lock key is 64 bits of SHA-256
 * over the context and session ids, in the single-{@code bigint} key space, which does not overlap
 * the two-{@code int} space of the store's write lock. A node that dies drops its connections, and
 * PostgreSQL releases their advisory locks with them.
 *
 * <p>Trap: the connections come from a separate pool ({@code lockPool}), so long chats never take
 * the connections writes and reads need; its size bounds the sessions one node chats on at once.
 */
final class PostgresSessionLocks implements SessionLocks {
    private final HikariDataSource lockPool;
    private final LocalSessionLocks local = new LocalSessionLocks();

    PostgresSessionLocks(HikariDataSource lockPool) {
        this.lockPool = lockPool;
    }

    @Override
    public void withLock(String contextId, String sessionId, Runnable work) {
        local.withLock(contextId, sessionId, () -> acrossNodes(key(contextId, sessionId), work));
    }

    private void acrossNodes(long key, Runnable work) {
        Connection connection;
        try {
            connection = lockPool.getConnection();
        } catch (SQLException e) {
            throw PostgresStoreException.unavailable(e);
        }
        try (connection) {
            call(connection, "SELECT pg_advisory_lock(?)", key);
            try {
                work.run();
            } finally {
                unlock(connection, key);
            }
        } catch (SQLException e) {
            throw PostgresStoreException.forStatement("pg_advisory_lock", e);
        }
    }

    /** A connection that cannot unlock is evicted: closing it for real is what releases its locks then. */
    private void unlock(Connection connection, long key) {
        try {
            call(connection, "SELECT pg_advisory_unlock(?)", key);
        } catch (SQLException e) {
            lockPool.evictConnection(connection);
        }
    }

    private static void call(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            statement.execute();
        }
    }

    static long key(String contextId, String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((contextId + "\0" + sessionId).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
