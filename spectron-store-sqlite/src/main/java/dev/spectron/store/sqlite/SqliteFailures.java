package dev.spectron.store.sqlite;

import dev.spectron.core.InsufficientStorageException;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** What a failed SQLite call means to the caller, read from its result code, never from its message. */
final class SqliteFailures {
    static final String DISK_FULL = "the data directory is full; free space and retry; nothing was written";

    private SqliteFailures() {
    }

    /**
     * The disk under the database is full: {@code SQLITE_FULL}, or the OS refused a write
     * ({@code SQLITE_IOERR_WRITE}, which some file systems report for ENOSPC).
     */
    static boolean isDiskFull(SQLException e) {
        SQLiteErrorCode code = codeOf(e);
        return code != null && (primary(code) == SQLiteErrorCode.SQLITE_FULL.code || code == SQLiteErrorCode.SQLITE_IOERR_WRITE);
    }

    /**
     * Errors after which SQLite may have rolled back the whole transaction by itself (sqlite.org,
     * "Response To Errors Within A Transaction"): SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY and
     * SQLITE_NOMEM. After one, a further statement on the connection may run, and commit, on its
     * own, outside any transaction (issue 20 point 0).
     */
    static boolean mayHaveEndedTransaction(SQLException e) {
        SQLiteErrorCode code = codeOf(e);
        if (code == null) {
            return false;
        }
        int primary = primary(code);
        return primary == SQLiteErrorCode.SQLITE_FULL.code || primary == SQLiteErrorCode.SQLITE_IOERR.code
                || primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_NOMEM.code;
    }

    /** The exception a caller sees: a core 507 for a full disk, else an unexpected store failure naming {@code what}. */
    static RuntimeException translate(String what, SQLException e) {
        SqliteStoreException failure = new SqliteStoreException("SQLite " + what + " failed: " + e.getMessage(), e);
        return isDiskFull(e) ? new InsufficientStorageException(DISK_FULL, failure) : failure;
    }

    /** Like {@link #translate} for a statement, named by its SQL text. */
    static RuntimeException forStatement(String sql, SQLException e) {
        SqliteStoreException failure = SqliteStoreException.forStatement(sql, e);
        return isDiskFull(e) ? new InsufficientStorageException(DISK_FULL, failure) : failure;
    }

    private static SQLiteErrorCode codeOf(SQLException e) {
        return e instanceof SQLiteException sqlite && sqlite.getResultCode().code >= 0 ? sqlite.getResultCode() : null;
    }

    /** The primary result code: the low byte of an extended one (sqlite.org/rescode.html). */
    private static int primary(SQLiteErrorCode code) {
        return code.code & 0xFF;
    }
}
