package dev.spectron.store.sqlite;

/** An unexpected database failure; the statement or operation is named, the cause kept. */
final class SqliteStoreException extends RuntimeException {
    SqliteStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    static SqliteStoreException forStatement(String sql, Throwable cause) {
        return new SqliteStoreException("SQLite statement failed: " + sql.strip().replaceAll("\\s+", " "), cause);
    }
}
