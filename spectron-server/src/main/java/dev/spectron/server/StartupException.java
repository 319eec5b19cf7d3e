package dev.spectron.server;

/**
 * The server cannot start for a reason the operator must fix (a bad database URL, a database that
 * does not answer). Its message is one line that says what and where; the command line prints
 * only that line, not a stack trace.
 */
public class StartupException extends RuntimeException {
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
