package dev.spectron.models.chat;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables shared by every provider.
 *
 * @param timeout how long connecting, or waiting for an answer's headers, may take before the
 *     exchange fails as {@code TIMEOUT}; for a stream, also the longest silence between two chunks
 * @param retry how transient failures are retried
 */
public record ModelOptions(Duration timeout, RetryPolicy retry) {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public ModelOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retry, "retry");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive; got " + timeout);
        }
    }

    public static ModelOptions defaults() {
        return new ModelOptions(DEFAULT_TIMEOUT, RetryPolicy.defaults());
    }

    public ModelOptions withTimeout(Duration value) {
        return new ModelOptions(value, retry);
    }
}
