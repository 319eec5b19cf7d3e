package dev.spectron.store.postgres;

import dev.spectron.core.ConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Thin JDBC helper bound to one transaction's connection: binds parameters, maps rows, classifies
 * errors by SQLSTATE. Unlike SQLite, a failed statement aborts the PostgreSQL transaction, so a
 * {@link ConflictException} always ends the {@code write} it was thrown in (no caller catches and
 * goes on inside one).
 */
final class Sql {
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;

    Sql(Connection connection) {
        this.connection = connection;
    }

    int update(String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw PostgresStoreException.forStatement(sql, e);
        }
    }

    /** An insert whose unique-key violation (SQLSTATE 23505) means the caller asked for a duplicate. */
    void insert(String conflictMessage, String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new ConflictException(conflictMessage);
            }
            throw PostgresStoreException.forStatement(sql, e);
        }
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement statement = prepare(sql, params); ResultSet rows = statement.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rows.next()) {
                out.add(mapper.map(rows));
            }
            return out;
        } catch (SQLException e) {
            throw PostgresStoreException.forStatement(sql, e);
        }
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    long queryLong(String sql, Object... params) {
        return queryOne(sql, row -> row.getLong(1), params).orElseThrow(() -> new IllegalStateException("no row: " + sql));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** {@code ?, ?, ?} for {@code n} parameters. */
    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** The leading parameters followed by every element of {@code tail}. */
    static Object[] params(Collection<?> tail, Object... head) {
        List<Object> out = new ArrayList<>(head.length + tail.size());
        Collections.addAll(out, head);
        out.addAll(tail);
        return out.toArray();
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                Object param = params[i];
                statement.setObject(i + 1, param instanceof Instant at ? (Object) at.toEpochMilli() : param);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
