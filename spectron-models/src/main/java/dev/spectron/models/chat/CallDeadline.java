package dev.spectron.models.chat;

import dev.spectron.core.model.ModelException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The total time one model call may take (issue 20), measured from its start. A blocking call runs
 * on a virtual thread of its own while the caller waits at most until the deadline; past it the
 * worker is interrupted (the JDK HTTP client cancels an interrupted exchange) and the caller gets
 * a {@code TIMEOUT}, whatever the provider is doing: headers sent and body stalled included.
 */
final class CallDeadline {

    /** An attempt that timed out this close to the deadline was stopped by it. */
    private static final Duration SLACK = Duration.ofMillis(250);

    private final Duration total;
    private final long endNanos;
    /** Set when the caller stopped waiting: the worker, if still running, must not start another attempt. */
    private volatile boolean abandoned;

    private CallDeadline(Duration total) {
        this.total = total;
        this.endNanos = System.nanoTime() + total.toNanos();
    }

    static CallDeadline after(Duration total) {
        return new CallDeadline(total);
    }

    /** Zero once the deadline has passed or the caller gave up waiting. */
    Duration remaining() {
        return abandoned ? Duration.ZERO : Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** The failure a caller sees when the deadline passes. */
    ModelException exceeded(String provider, String model) {
        return exceeded(provider, model, null);
    }

    private ModelException exceeded(String provider, String model, Throwable cause) {
        return new ModelException(ModelException.Kind.TIMEOUT, provider, provider + "/" + model + " did not finish within its "
                + total.toMillis() + " ms deadline (retries included); the call was cancelled", cause);
    }

    /**
     * {@code failure} as the caller should see it: an attempt's own timeout that ran out with the
     * deadline (one attempt's timeout is capped to it) is the deadline's, and says so.
     */
    ModelException explain(ModelException failure, String provider, String model) {
        boolean deadlineSpent = remaining().compareTo(SLACK) <= 0;
        return failure.kind() == ModelException.Kind.TIMEOUT && deadlineSpent ? exceeded(provider, model, failure) : failure;
    }

    /** Runs {@code call} on a virtual thread, waiting for it no longer than the deadline. */
    <T> T run(String provider, String model, Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("model-call-" + provider).start(() -> {
            try {
                result.complete(call.get());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        try {
            return result.get(Math.max(0, endNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandoned = true;
            worker.interrupt();
            throw exceeded(provider, model);
        } catch (InterruptedException e) {
            abandoned = true;
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new ModelException(ModelException.Kind.TIMEOUT, provider, provider + "/" + model
                    + " call abandoned: the waiting thread was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ModelException failure) {
                throw explain(failure, provider, model);
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
