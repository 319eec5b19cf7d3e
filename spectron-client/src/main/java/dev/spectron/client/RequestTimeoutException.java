package dev.spectron.client;

import java.time.Duration;

/**
 * No response arrived within the request timeout ({@link Spectron.Builder#timeout(Duration)}).
 * Not retried automatically: the server may still be working on the request. A write retried by
 * the caller with the same {@code Idempotency-Key} is applied at most once.
 */
public final class RequestTimeoutException extends SpectronClientException {
    private final Duration timeout;

    public RequestTimeoutException(String message, Duration timeout, Throwable cause) {
        super(message, cause);
        this.timeout = timeout;
    }

    /** The timeout that expired. */
    public Duration timeout() {
        return timeout;
    }
}
