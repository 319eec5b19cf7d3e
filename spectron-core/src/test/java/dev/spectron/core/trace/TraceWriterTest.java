package dev.spectron.core.trace;

import dev.spectron.core.port.StoredTrace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.chat.LocalSessionLocks;
import dev.spectron.core.port.SessionLocks;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.core.port.TraceRecords;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceWriterTest {
    private static final ContextId A = new ContextId("alpha");
    private static final ContextId B = new ContextId("beta");
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration NEVER = Duration.ofHours(1);

    private final FakeStore store = new FakeStore();
    private TraceWriter writer;

    @AfterEach
    void close() {
        if (writer != null) {
            writer.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void many_traces_are_stored_in_few_writes() throws Exception {
        writer = TraceWriter.start(store, CLOCK, new TraceWriter.Settings(Duration.ofMillis(50), 256, 10_000, Duration.ofHours(72), NEVER));

        for (int i = 0; i < 1000; i++) {
            record(A, "trace_" + i);
        }
        awaitStored(1000);

        assertThat(store.inserts.get()).as("store writes for 1000 traces").isBetween(4, 12);
        assertThat(store.rows).containsKey("alpha/trace_0").containsKey("alpha/trace_999");
        assertThat(writer.stats().written()).isEqualTo(1000);
    }

    @Test
    void a_queued_trace_is_found_from_memory_in_its_context_only_and_rendered_once() {
        writer = TraceWriter.start(store, CLOCK, new TraceWriter.Settings(NEVER, 256, 10_000, Duration.ofHours(72), NEVER));
        AtomicInteger renders = new AtomicInteger();

        writer.record(A, "trace_1", StoredTrace.Kind.RETRIEVAL, NOW, () -> {
            renders.incrementAndGet();
            return "{\"id\":\"trace_1\"}";
        });

        assertThat(renders.get()).as("recording renders nothing").isZero();
        assertThat(writer.find(A, "trace_1")).contains("{\"id\":\"trace_1\"}");
        assertThat(writer.find(A, "trace_1")).contains("{\"id\":\"trace_1\"}");
        assertThat(writer.find(B, "trace_1")).isEmpty();
        assertThat(store.inserts.get()).isZero();
        writer.close(Duration.ofSeconds(5));
        assertThat(renders.get()).isEqualTo(1);
        assertThat(store.rows.get("alpha/trace_1").json()).isEqualTo("{\"id\":\"trace_1\"}");
    }

    @Test
    void a_full_queue_drops_its_oldest_without_blocking_and_a_trace_being_written_stays_findable() throws Exception {
        writer = TraceWriter.start(store, CLOCK, new TraceWriter.Settings(NEVER, 2, 4, Duration.ofHours(72), NEVER));
        store.blockInserts();
        record(A, "trace_0");
        record(A, "trace_1"); // a full batch: the writer takes it and blocks in the store
        assertThat(store.insertEntered.await(5, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        for (int i = 2; i < 8; i++) {
            record(A, "trace_" + i);
        }
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(tookMs).as("recording waits for nothing").isLessThan(1000);
        assertThat(writer.find(A, "trace_0")).as("being written").isPresent();
        assertThat(writer.find(A, "trace_2")).as("dropped").isEmpty();
        assertThat(writer.find(A, "trace_7")).isPresent();
        assertThat(writer.stats().dropped()).isEqualTo(2);

        store.releaseInserts();
        writer.close(Duration.ofSeconds(5));
        assertThat(store.rows.keySet()).containsExactlyInAnyOrder("alpha/trace_0", "alpha/trace_1", "alpha/trace_4", "alpha/trace_5",
                "alpha/trace_6", "alpha/trace_7");
    }

    @Test
    void close_writes_what_is_queued_and_later_traces_are_dropped() {
        writer = TraceWriter.start(store, CLOCK, new TraceWriter.Settings(NEVER, 256, 10_000, Duration.ofHours(72), NEVER));
        for (int i = 0; i < 10; i++) {
            record(B, "trace_" + i);
        }

        writer.close(Duration.ofSeconds(5));
        record(B, "late");

        assertThat(store.rows).hasSize(10);
        assertThat(store.inserts.get()).isEqualTo(1);
        assertThat(writer.stats().dropped()).isEqualTo(1);
    }

    @Test
    void traces_older_than_the_retention_are_deleted_at_start() throws Exception {
        store.rows.put("alpha/old", new StoredTrace(A, "old", StoredTrace.Kind.RETRIEVAL, NOW.minus(Duration.ofHours(73)), "{}"));
        store.rows.put("alpha/recent", new StoredTrace(A, "recent", StoredTrace.Kind.RETRIEVAL, NOW.minus(Duration.ofHours(71)), "{}"));

        writer = TraceWriter.start(store, CLOCK, new TraceWriter.Settings(NEVER, 256, 10_000, Duration.ofHours(72), NEVER));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (store.rows.containsKey("alpha/old") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        assertThat(store.rows.keySet()).containsExactly("alpha/recent");
        assertThat(writer.find(A, "recent")).contains("{}");
    }

    private void record(ContextId context, String id) {
        writer.record(context, id, StoredTrace.Kind.RETRIEVAL, NOW, () -> "{\"id\":\"" + id + "\"}");
    }

    private void awaitStored(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (store.rows.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(store.rows).hasSize(count);
    }

    /** A store of traces only, counting the batches it is given and able to hold one mid-write. */
    private static final class FakeStore implements MemoryStore {
        final Map<String, StoredTrace> rows = new ConcurrentHashMap<>();
        final AtomicInteger inserts = new AtomicInteger();
        final CountDownLatch insertEntered = new CountDownLatch(1);
        private volatile CountDownLatch gate;
        private final SessionLocks locks = new LocalSessionLocks();

        private final TraceRecords records = new TraceRecords() {
            @Override
            public void insert(List<StoredTrace> traces) {
                insertEntered.countDown();
                CountDownLatch waitFor = gate;
                if (waitFor != null) {
                    try {
                        waitFor.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                inserts.incrementAndGet();
                traces.forEach(t -> rows.putIfAbsent(t.contextId().value() + "/" + t.id(), t));
            }

            @Override
            public Optional<StoredTrace> find(ContextId contextId, String id) {
                return Optional.ofNullable(rows.get(contextId.value() + "/" + id));
            }

            @Override
            public int deleteCreatedBefore(Instant cutoff) {
                int before = rows.size();
                rows.values().removeIf(t -> t.createdAt().isBefore(cutoff));
                return before - rows.size();
            }
        };

        private final StoreTransaction tx = (StoreTransaction) Proxy.newProxyInstance(StoreTransaction.class.getClassLoader(),
                new Class<?>[] {StoreTransaction.class}, (proxy, method, args) -> {
                    if (method.getName().equals("traces")) {
                        return records;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });

        void blockInserts() {
            gate = new CountDownLatch(1);
        }

        void releaseInserts() {
            gate.countDown();
        }

        @Override
        public synchronized <T> T write(Function<StoreTransaction, T> work) {
            return work.apply(tx);
        }

        @Override
        public <T> T read(Function<StoreTransaction, T> work) {
            return work.apply(tx);
        }

        @Override
        public <T> T rehearse(Function<StoreTransaction, T> work) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SessionLocks sessionLocks() {
            return locks;
        }

        @Override
        public String backend() {
            return "fake";
        }

        @Override
        public boolean reachable() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
