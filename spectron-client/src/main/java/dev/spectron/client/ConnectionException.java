package dev.spectron.client;

/**
 * The server could not be reached or the connection broke: refused, reset, unknown host, or a
 * streamed response that ended before its final event. Retried automatically on idempotent calls
 * (see {@link Spectron.Builder#maxRetries(int)}); thrown once the retries are used up.
 */
public final class ConnectionException extends SpectronClientException {
    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
