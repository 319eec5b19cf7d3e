package dev.spectron.store.postgres;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The SQLSTATE codes this store acts on (PostgreSQL Appendix A; pgjdbc's {@code PSQLState} names
 * them). Errors are classified by code, never by message text.
 */
final class SqlStates {
    static final String UNIQUE_VIOLATION = "23505";
    /** Class 08: connection exception (refused, broken, failure during the protocol). */
    private static final String CONNECTION_CLASS = "08";
    /** Class 57P: operator intervention (admin shutdown, crash shutdown, cannot connect now). */
    private static final String OPERATOR_INTERVENTION_CLASS = "57P";
    /** Class 28: invalid authorization specification (wrong password, unknown user). */
    private static final String AUTHORIZATION_CLASS = "28";

    private SqlStates() {
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    /** The database or the connection to it is gone: nothing the statement itself did wrong. */
    static boolean isUnavailable(SQLException e) {
        if (e instanceof SQLTransientConnectionException) {
            return true; // Hikari: no connection within the connection timeout.
        }
        String state = e.getSQLState();
        return state != null && (state.startsWith(CONNECTION_CLASS) || state.startsWith(OPERATOR_INTERVENTION_CLASS)
                || state.startsWith(AUTHORIZATION_CLASS));
    }

    /** The innermost message of a failure chain on one line, for single-line operator messages. */
    static String oneLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip().replaceAll("\\s+", " ");
    }
}
