package dev.spectron.core;

/**
 * The database does not answer (503): a network store is down, unreachable or refusing
 * connections. Nothing of the request was committed; the caller may retry it, on this node or
 * another, once the database is back.
 */
public final class StoreUnavailableException extends SpectronException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
