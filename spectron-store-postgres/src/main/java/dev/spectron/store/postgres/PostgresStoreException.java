package dev.spectron.store.postgres;

import dev.spectron.core.StoreUnavailableException;
import java.sql.SQLException;

/**
 * An unexpected PostgreSQL failure, or the database being unavailable; the statement or
 * operation is named and the cause kept. Messages never carry credentials.
 */
public final class PostgresStoreException extends RuntimeException {
    PostgresStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Classifies by SQLSTATE, never by message text: connection-class failures say the database is unavailable. */
    static RuntimeException forStatement(String sql, SQLException cause) {
        if (SqlStates.isUnavailable(cause)) {
            return unavailable(cause);
        }
        return new PostgresStoreException("PostgreSQL statement failed (SQLSTATE " + cause.getSQLState() + "): "
                + sql.strip().replaceAll("\\s+", " "), cause);
    }

    /** The caller sees a 503 it may retry: nothing was committed. */
    static StoreUnavailableException unavailable(SQLException cause) {
        return new StoreUnavailableException("PostgreSQL is unavailable: " + SqlStates.oneLine(cause), cause);
    }
}
