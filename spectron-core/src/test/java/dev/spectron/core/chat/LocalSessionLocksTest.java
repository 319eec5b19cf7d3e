package dev.spectron.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalSessionLocksTest {
    private static final String CONTEXT = "ctx";

    private final LocalSessionLocks locks = new LocalSessionLocks();

    @Test
    void work_on_one_session_never_overlaps() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        int[] unguarded = {0};
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        locks.withLock(CONTEXT, "sess_a", () -> {
                            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            unguarded[0]++;
                            Thread.yield();
                            inside.decrementAndGet();
                        });
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(most.get()).isEqualTo(1);
        assertThat(unguarded[0]).isEqualTo(16 * 200);
        assertThat(locks.activeSessions()).isZero();
    }

    @Test
    void a_holder_that_sleeps_on_one_session_does_not_delay_another() throws Exception {
        // A session that shared a stripe with sess_a under the old 256-stripe locks: one lock per session must not care.
        String neighbour = collidingOnOldStripe("sess_a");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> locks.withLock(CONTEXT, "sess_a", () -> {
            holding.countDown();
            await(release);
        }));
        holding.await();

        long start = System.nanoTime();
        locks.withLock(CONTEXT, neighbour, () -> { });
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(waitedMs).isLessThan(500);
        assertThat(locks.activeSessions()).as("only the held session has an entry").isEqualTo(1);
        release.countDown();
        holder.join();
        assertThat(locks.activeSessions()).isZero();
    }

    @Test
    void waiters_on_one_session_go_in_arrival_order() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> locks.withLock(CONTEXT, "sess_a", () -> {
            holding.countDown();
            await(release);
        }));
        holding.await();
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            waiters.add(Thread.ofVirtual().start(() -> locks.withLock(CONTEXT, "sess_a", () -> order.add(n))));
            while (locks.queued(CONTEXT, "sess_a") < n + 1) {
                Thread.onSpinWait();
            }
        }
        release.countDown();
        holder.join();
        for (Thread waiter : waiters) {
            waiter.join();
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(locks.activeSessions()).isZero();
    }

    @Test
    void work_that_throws_releases_the_lock_and_its_entry() {
        assertThatThrownBy(() -> locks.withLock(CONTEXT, "sess_a", () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(locks.activeSessions()).isZero();
        AtomicInteger ran = new AtomicInteger();
        locks.withLock(CONTEXT, "sess_a", ran::incrementAndGet);
        assertThat(ran.get()).isEqualTo(1);
    }

    @Test
    void the_same_session_id_in_two_contexts_is_two_locks() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> locks.withLock("one", "sess_a", () -> {
            holding.countDown();
            await(release);
        }));
        holding.await();
        AtomicInteger ran = new AtomicInteger();
        locks.withLock("two", "sess_a", ran::incrementAndGet);
        assertThat(ran.get()).isEqualTo(1);
        release.countDown();
        holder.join();
    }

    private static String collidingOnOldStripe(String sessionId) {
        int stripe = Math.floorMod((CONTEXT + "\0" + sessionId).hashCode(), 256);
        for (int i = 0; ; i++) {
            String candidate = "sess_" + i;
            if (!candidate.equals(sessionId) && Math.floorMod((CONTEXT + "\0" + candidate).hashCode(), 256) == stripe) {
                return candidate;
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
