package dev.spectron.store.jdbc;

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
 * Thin JDBC helper bound to one transaction's connection: binds parameters (an {@link Instant} as
 * epoch milliseconds), maps rows, and classifies errors through the {@link SqlDialect}. After a
 * failure that may have ended the transaction (SQLite rolls back by itself on a full disk; a failed
 * statement aborts a PostgreSQL transaction), it refuses further statements: on SQLite they would
 * run outside any transaction, each committed alone (issue 20 point 0).
 */
public final class Sql {
    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final SqlDialect dialect;
    private SQLException ended;

    public Sql(Connection connection, SqlDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** The failure after which the database may have ended this transaction on its own, if there was one. */
    public Optional<SQLException> endedBy() {
        return Optional.ofNullable(ended);
    }

    SqlDialect dialect() {
        return dialect;
    }

    int update(String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** An insert whose unique-key violation means the caller asked for a duplicate. */
    void insert(String conflictMessage, String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            if (dialect.isUniqueViolation(e)) {
                markEnded(e);
                throw new ConflictException(conflictMessage);
            }
            throw failed(sql, e);
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
            throw failed(sql, e);
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

    /** The leading parameters followed by every element of {@code tail}. */
    static Object[] params(Collection<?> tail, Object... head) {
        List<Object> out = new ArrayList<>(head.length + tail.size());
        Collections.addAll(out, head);
        out.addAll(tail);
        return out.toArray();
    }

    private RuntimeException failed(String sql, SQLException e) {
        markEnded(e);
        return dialect.failure(sql, e);
    }

    private void markEnded(SQLException e) {
        if (ended == null && dialect.mayHaveEndedTransaction(e)) {
            ended = e;
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        if (ended != null) {
            throw dialect.failure(sql, ended); // refused: the earlier failure may have ended the transaction
        }
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
