package dev.spectron.models.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RetrierTest {

    private static final RetryPolicy POLICY =
            new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(150), Duration.ofSeconds(5));

    private final List<Duration> waits = new ArrayList<>();
    private final Retrier retrier = new Retrier("openai", POLICY, waits::add, RandomGenerator.of("L64X128MixRandom"));

    @AfterEach
    void clear_interrupt_flag() {
        Thread.interrupted();
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RATE_LIMITED", "UNAVAILABLE", "TIMEOUT"})
    void retries_a_transient_failure_then_returns_the_answer(Kind kind) {
        AtomicInteger attempts = new AtomicInteger();

        String answer = retrier.call(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ModelException(kind, "openai", "transient");
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void backs_off_exponentially_with_jitter_up_to_the_cap() {
        assertThatThrownBy(() -> retrier.call(failing(Kind.UNAVAILABLE, null))).isInstanceOf(ModelException.class);

        assertThat(waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(75), Duration.ofMillis(150));
        assertThat(POLICY.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(POLICY.backoff(2)).isEqualTo(Duration.ofMillis(150));
        assertThat(POLICY.backoff(9)).isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void does_not_retry_when_the_wait_would_pass_the_deadline_issue_20() {
        // given: a Retry-After of two seconds and one second left
        AtomicInteger attempts = new AtomicInteger();

        // when-then: the provider's own failure, at once, rather than a timeout two seconds later
        assertThatThrownBy(() -> retrier.call(() -> {
            attempts.incrementAndGet();
            throw new ModelException(Kind.RATE_LIMITED, "openai", "slow down", null, Duration.ofSeconds(2));
        }, () -> true, CallDeadline.after(Duration.ofSeconds(1))))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED));
        assertThat(attempts).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void waits_exactly_as_long_as_retry_after_asks() {
        assertThatThrownBy(() -> retrier.call(failing(Kind.RATE_LIMITED, Duration.ofSeconds(2))))
                .isInstanceOf(ModelException.class);

        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void gives_up_at_once_when_retry_after_exceeds_the_cap() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retrier.call(() -> {
            attempts.incrementAndGet();
            throw new ModelException(Kind.RATE_LIMITED, "openai", "slow down", null, Duration.ofMinutes(1));
        })).isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED));

        assertThat(attempts).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"AUTHENTICATION", "INVALID_REQUEST", "MALFORMED_OUTPUT", "REFUSED", "MISCONFIGURED"})
    void never_retries_a_failure_that_would_repeat(Kind kind) {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retrier.call(() -> {
            attempts.incrementAndGet();
            throw new ModelException(kind, "openai", "permanent");
        })).isInstanceOf(ModelException.class);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void does_not_retry_once_the_caller_forbids_it() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retrier.call(() -> {
            attempts.incrementAndGet();
            throw new ModelException(Kind.UNAVAILABLE, "openai", "stream broke after text was shown");
        }, () -> false)).isInstanceOf(ModelException.class);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void stops_and_keeps_the_interrupt_when_interrupted_while_waiting() {
        Retrier interrupted = new Retrier("openai", POLICY, wait -> {
            throw new InterruptedException();
        }, RandomGenerator.getDefault());

        assertThatThrownBy(() -> interrupted.call(failing(Kind.TIMEOUT, null)))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    private static java.util.function.Supplier<String> failing(Kind kind, Duration retryAfter) {
        return () -> {
            throw new ModelException(kind, "openai", "failed", null, retryAfter);
        };
    }
}
