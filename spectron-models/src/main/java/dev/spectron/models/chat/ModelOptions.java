package dev.spectron.models.chat;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables shared by every provider.
 *
 * @param timeout how long connecting, or waiting for an answer's headers, may take before one
 *     attempt fails as {@code TIMEOUT}; for a stream, also the longest silence between two chunks
 * @param retry how transient failures are retried
 * @param deadline the most one call may take in all: connecting, headers, body, retries and their
 *     waits, the JSON repair (issue 20: a body that stalls after its headers is not covered by
 *     {@code timeout}); the call fails as {@code TIMEOUT} when it passes
 */
public record ModelOptions(Duration timeout, RetryPolicy retry, Duration deadline) {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

    public ModelOptions {
        Objects.requireNonNull(retry, "retry");
        requirePositive(timeout, "timeout");
        requirePositive(deadline, "deadline");
    }

    /** Options with the default deadline. */
    public ModelOptions(Duration timeout, RetryPolicy retry) {
        this(timeout, retry, DEFAULT_DEADLINE);
    }

    public static ModelOptions defaults() {
        return new ModelOptions(DEFAULT_TIMEOUT, RetryPolicy.defaults(), DEFAULT_DEADLINE);
    }

    public ModelOptions withTimeout(Duration value) {
        return new ModelOptions(value, retry, deadline);
    }

    /** These options under {@code value} in all; one attempt's timeout never exceeds it. */
    public ModelOptions withDeadline(Duration value) {
        requirePositive(value, "deadline");
        return new ModelOptions(timeout.compareTo(value) > 0 ? value : timeout, retry, value);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive; got " + value);
        }
    }
}
