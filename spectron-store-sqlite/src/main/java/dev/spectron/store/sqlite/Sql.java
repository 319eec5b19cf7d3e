package dev.spectron.store.sqlite;

import dev.spectron.core.ConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Thin JDBC helper bound to one transaction's connection: binds parameters, maps rows, classifies
 * errors by code. After a failure that may have made SQLite roll the transaction back by itself,
 * it refuses further statements: they would run outside any transaction, each committed alone.
 */
final class Sql {
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private SQLException ended;

    Sql(Connection connection) {
        this.connection = connection;
    }

    /** The failure after which SQLite may have ended this transaction on its own, if there was one. */
    Optional<SQLException> endedBy() {
        return Optional.ofNullable(ended);
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
        } catch (SQLiteException e) {
            if (isUniqueViolation(e)) {
                throw new ConflictException(conflictMessage);
            }
            throw failed(sql, e);
        } catch (SQLException e) {
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

    private RuntimeException failed(String sql, SQLException e) {
        if (ended == null && SqliteFailures.mayHaveEndedTransaction(e)) {
            ended = e;
        }
        return SqliteFailures.forStatement(sql, e);
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        if (ended != null) {
            throw SqliteFailures.forStatement(sql, ended); // refused: the earlier failure may have ended the transaction
        }
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object param = params[i];
            statement.setObject(i + 1, param instanceof Instant at ? (Object) at.toEpochMilli() : param);
        }
        return statement;
    }

    private static boolean isUniqueViolation(SQLiteException e) {
        SQLiteErrorCode code = e.getResultCode();
        return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
    }
}
