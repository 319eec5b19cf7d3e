package dev.spectron.models.chat;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently to retry rate limits, outages and timeouts. Other failures are
 * never retried: a wrong key or a bad request fails the same way every time.
 *
 * @param maxRetries retries after the first attempt
 * @param initialBackoff the wait before the first retry; doubled for each further one
 * @param maxBackoff the cap on one wait computed by backoff
 * @param maxRetryAfter the longest {@code Retry-After} we sit out; a provider asking for more
 *     fails the call at once instead of parking a request thread that long
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    private static final int DEFAULT_MAX_RETRIES = 2;
    private static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    private static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);
    private static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(30);
    /** More retries than this only hides an outage from the caller for longer. */
    private static final int RETRY_CEILING = 10;

    public RetryPolicy {
        if (maxRetries < 0 || maxRetries > RETRY_CEILING) {
            throw new IllegalArgumentException("maxRetries must be 0.." + RETRY_CEILING + "; got " + maxRetries);
        }
        requireNotNegative(initialBackoff, "initialBackoff");
        requireNotNegative(maxBackoff, "maxBackoff");
        requireNotNegative(maxRetryAfter, "maxRetryAfter");
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_MAX_RETRIES, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_MAX_RETRY_AFTER);
    }

    /** The backoff before retry number {@code retry} (1-based), before jitter. */
    Duration backoff(int retry) {
        Duration wait = initialBackoff;
        for (int i = 1; i < retry && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative; got " + value);
        }
    }
}
