package dev.spectron.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.change.Change;
import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.context.Context;
import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.session.Role;
import dev.spectron.core.session.ScopeSet;
import dev.spectron.core.session.Session;
import dev.spectron.core.session.Turn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link MemoryStore} promises when several stores (several pools, as several server
 * processes have) share one database, which the single-store {@link AbstractMemoryStoreContractTest}
 * cannot express: writes serialised across all of them, and a committed write visible to every
 * one at once.
 */
public abstract class AbstractSharedDatabaseContractTest {
    protected static final Instant T0 = Instant.parse("2026-05-01T10:00:00.123Z");
    protected static final ContextId A = new ContextId("alpha");
    private static final int WRITERS_PER_STORE = 8;
    private static final int WRITES_PER_WRITER = 10;

    protected MemoryStore first;
    protected MemoryStore second;

    /** A new store on a new, empty database. */
    protected abstract MemoryStore createStore() throws Exception;

    /** Another store, with its own connections, on the database of the last {@link #createStore}. */
    protected abstract MemoryStore openSecondStoreOnSameDatabase() throws Exception;

    /**
     * True when one store's session locks hold against another store's on the same database. False
     * for a backend that one process owns (SQLite: the server refuses a second process per data
     * directory), whose locks need only hold within the process.
     */
    protected abstract boolean sessionLocksSpanStores();

    @BeforeEach
    void open() throws Exception {
        first = createStore();
        second = openSecondStoreOnSameDatabase();
        first.write(tx -> {
            tx.contexts().insert(new Context(A, "shared", ContextConfig.empty(), T0));
            tx.sessions().insert(new Session("sess_1", A, ScopeSet.parse(Map.of("user", "ada")), Map.of(), T0));
            return null;
        });
    }

    @AfterEach
    void close() {
        second.close();
        first.close();
    }

    @Test
    void concurrent_writers_on_two_stores_get_distinct_gap_free_numbers() throws Exception {
        // given 8 writers on each store, each appending a turn at lastSeq + 1 and logging it
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> writers = new ArrayList<>();
            for (MemoryStore store : List.of(first, second)) {
                for (int w = 0; w < WRITERS_PER_STORE; w++) {
                    String writer = (store == first ? "a" : "b") + w;
                    writers.add(pool.submit(() -> appendTurns(store, writer)));
                }
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        }

        // then turn and change numbers are distinct, without gaps, the same through either store
        int total = 2 * WRITERS_PER_STORE * WRITES_PER_WRITER;
        for (MemoryStore store : List.of(first, second)) {
            List<Turn> turns = all(store, tx -> tx.turns().list(A, "sess_1", total + 10, 0));
            assertThat(turns).extracting(Turn::seq).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
            List<Change> changes = all(store, tx -> tx.changes().since(A, 0, total + 10));
            long firstSeq = changes.getFirst().seq();
            assertThat(changes).extracting(Change::seq).containsExactlyElementsOf(LongStream.range(firstSeq, firstSeq + total).boxed().toList());
            assertThat(changes).extracting(Change::refId).containsExactlyElementsOf(turns.stream().map(Turn::id).toList());
        }
    }

    @Test
    void extraction_jobs_claimed_through_two_stores_are_each_claimed_once_issue_20() throws Exception {
        // given: 40 queued turns, one session each, so that every job is claimable at once
        int jobs = 40;
        first.write(tx -> {
            for (int i = 1; i <= jobs; i++) {
                tx.sessions().insert(new Session("sess_q" + i, A, ScopeSet.NONE, Map.of(), T0));
                tx.turns().insert(A, new Turn("turn_q" + i, "sess_q" + i, 1, Role.USER, "queued " + i, T0, T0));
                tx.extractionJobs().enqueue(dev.spectron.core.ingest.ExtractionJob.pending(A, "turn_q" + i, "sess_q" + i, 1, T0.plusMillis(i)));
            }
            return null;
        });
        List<String> claimed = new CopyOnWriteArrayList<>();

        // when: four workers on each store claim until nothing is left
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (MemoryStore store : List.of(first, second)) {
                for (int w = 0; w < 4; w++) {
                    String worker = (store == first ? "node-a/" : "node-b/") + w;
                    workers.add(pool.submit(() -> {
                        while (true) {
                            Optional<String> job = store.write(tx -> tx.extractionJobs().claimNext(worker, T0, T0.plusSeconds(60)))
                                    .map(dev.spectron.core.ingest.ExtractionJob::turnId);
                            if (job.isEmpty()) {
                                return;
                            }
                            claimed.add(job.get());
                        }
                    }));
                }
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }

        // then: every job once, by one worker
        assertThat(claimed).hasSize(jobs).doesNotHaveDuplicates();
    }

    @Test
    void a_write_committed_through_one_store_is_read_through_the_other_at_once() {
        first.write(tx -> {
            tx.turns().insert(A, turn("turn_1", 1));
            return tx.changes().append(A, ChangeKind.TURN_APPENDED, "turn_1", T0);
        });
        assertThat(all(second, tx -> tx.turns().findByIds(A, List.of("turn_1")))).hasSize(1);
        assertThat(number(second, tx -> tx.changes().lastSeq(A))).isEqualTo(number(first, tx -> tx.changes().lastSeq(A))).isPositive();

        second.write(tx -> {
            tx.turns().insert(A, turn("turn_2", tx.turns().lastSeq(A, "sess_1") + 1));
            return null;
        });
        assertThat(all(first, tx -> tx.turns().list(A, "sess_1", 10, 0))).extracting(Turn::id).containsExactly("turn_1", "turn_2");
    }

    @Test
    void a_context_deleted_through_one_store_is_gone_for_the_other() {
        assertThat(one(second, tx -> tx.contexts().find(A))).isPresent();
        assertThat(first.write(tx -> tx.contexts().delete(A)).booleanValue()).isTrue();
        assertThat(one(second, tx -> tx.contexts().find(A))).isEmpty();
        assertThat(one(second, tx -> tx.sessions().find(A, "sess_1"))).isEmpty();
    }

    private static <T> List<T> all(MemoryStore store, Function<StoreTransaction, List<T>> query) {
        return store.read(query);
    }

    private static <T> Optional<T> one(MemoryStore store, Function<StoreTransaction, Optional<T>> query) {
        return store.read(query);
    }

    private static long number(MemoryStore store, ToLongFunction<StoreTransaction> query) {
        return store.read(tx -> query.applyAsLong(tx));
    }

    private Void appendTurns(MemoryStore store, String writer) {
        for (int i = 0; i < WRITES_PER_WRITER; i++) {
            String id = "turn_" + writer + "_" + i;
            store.write(tx -> {
                long seq = tx.turns().lastSeq(A, "sess_1") + 1;
                tx.turns().insert(A, turn(id, seq));
                return tx.changes().append(A, ChangeKind.TURN_APPENDED, id, T0);
            });
        }
        return null;
    }

    private static Turn turn(String id, long seq) {
        Instant at = T0.plusSeconds(seq);
        return new Turn(id, "sess_1", seq, Role.USER, "message " + seq, at, at);
    }

    @Test
    void a_session_lock_held_through_one_store_holds_against_the_other() throws Exception {
        Assumptions.assumeTrue(sessionLocksSpanStores(), "this backend's session locks hold within one process");
        // given a chat holding session 1 through the first store
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> holder = pool.submit(() -> first.sessionLocks().withLock("alpha", "sess_1", () -> {
                held.countDown();
                await(release);
                order.add("first");
            }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            // when the second store asks for the same session, and for another one
            Future<?> waiter = pool.submit(() -> second.sessionLocks().withLock("alpha", "sess_1", () -> order.add("second")));
            Future<?> other = pool.submit(() -> second.sessionLocks().withLock("alpha", "sess_2", () -> order.add("other session")));
            other.get(10, TimeUnit.SECONDS);
            Thread.sleep(200);
            // then the other session went ahead, the same session waits until the holder is done
            assertThat(order).containsExactly("other session");
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            waiter.get(10, TimeUnit.SECONDS);
        }
        assertThat(order).containsExactly("other session", "first", "second");
    }

    @Test
    void a_session_lock_is_released_when_its_work_throws() throws Exception {
        Assumptions.assumeTrue(sessionLocksSpanStores(), "this backend's session locks hold within one process");
        try {
            first.sessionLocks().withLock("alpha", "sess_1", () -> {
                throw new IllegalStateException("chat failed");
            });
        } catch (IllegalStateException expected) {
            // the lock must be free again
        }
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.submit(() -> second.sessionLocks().withLock("alpha", "sess_1", () -> { })).get(10, TimeUnit.SECONDS);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
