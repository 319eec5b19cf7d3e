package dev.spectron.client;

import java.time.Duration;
import java.util.Optional;

/**
 * 429: too many requests. Retried automatically (honouring {@code Retry-After}) on idempotent
 * calls; thrown once the retries are used up. {@link #retryAfter()} says how long to wait.
 */
public final class RateLimitException extends SpectronApiException {
    public RateLimitException(Problem problem) {
        super(problem);
    }

    /** How long the server asked to wait, from the {@code Retry-After} header (seconds or HTTP date). */
    @Override
    public Optional<Duration> retryAfter() {
        return super.retryAfter();
    }
}
