package dev.spectron.models.chat;

import dev.spectron.core.model.ModelException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a provider exchange under the {@link RetryPolicy}: retryable kinds are tried again after
 * exponential backoff with jitter, or after the provider's {@code Retry-After} when it sent one.
 * The provider clients' own retries are switched off so this is the only retry loop.
 */
final class Retrier {

    /** How a retry waits; tests replace it to record waits instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);
    /** Backoff waits fall between half and all of the computed value, so clients throttled together spread out. */
    private static final double JITTER_FLOOR = 0.5;

    private final String provider;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    Retrier(String provider, RetryPolicy policy, Sleeper sleeper, RandomGenerator random) {
        this.provider = provider;
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    static Retrier sleeping(String provider, RetryPolicy policy) {
        return new Retrier(provider, policy, duration -> Thread.sleep(duration), RandomGenerator.getDefault());
    }

    <T> T call(Supplier<T> attempt) {
        return call(attempt, () -> true, null);
    }

    /** Like {@link #call(Supplier)}, retrying only while {@code mayRetry} holds (a stream that has shown text may not). */
    <T> T call(Supplier<T> attempt, BooleanSupplier mayRetry) {
        return call(attempt, mayRetry, null);
    }

    /**
     * Like {@link #call(Supplier)}, retrying only while {@code mayRetry} holds (a stream that has
     * shown text may not) and while the wait leaves time before {@code deadline} (null for none):
     * a retry that cannot finish in time only turns the provider's own failure into a timeout.
     */
    <T> T call(Supplier<T> attempt, BooleanSupplier mayRetry, CallDeadline deadline) {
        for (int retry = 1; ; retry++) {
            try {
                return attempt.get();
            } catch (ModelException failure) {
                if (!failure.retryable() || retry > policy.maxRetries() || !mayRetry.getAsBoolean()) {
                    throw failure;
                }
                Duration wait = waitBefore(retry, failure);
                if (deadline != null && wait.compareTo(deadline.remaining()) >= 0) {
                    LOG.warn("{} call failed ({}); no time left for retry {} within the deadline: {}",
                            provider, failure.kind(), retry, failure.getMessage());
                    throw failure;
                }
                pause(wait, retry, failure);
            }
        }
    }

    private Duration waitBefore(int retry, ModelException failure) {
        Duration asked = failure.retryAfter().orElse(null);
        if (asked != null && asked.compareTo(policy.maxRetryAfter()) > 0) {
            LOG.warn("{} asks to retry after {} s, longer than the {} s we wait; giving up",
                    provider, asked.toSeconds(), policy.maxRetryAfter().toSeconds());
            throw failure;
        }
        if (asked != null) {
            return asked;
        }
        Duration backoff = policy.backoff(retry);
        return Duration.ofNanos((long) (backoff.toNanos() * (JITTER_FLOOR + random.nextDouble() * (1 - JITTER_FLOOR))));
    }

    private void pause(Duration wait, int retry, ModelException failure) {
        LOG.warn("{} call failed ({}), retry {}/{} in {} ms: {}",
                provider, failure.kind(), retry, policy.maxRetries(), wait.toMillis(), failure.getMessage());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
    }
}
