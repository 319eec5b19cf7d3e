package dev.spectron.core.port.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spectron.core.context.Context;
import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.core.session.ScopeSet;
import dev.spectron.core.session.Session;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the in-memory store enforces beyond the contract suite, so that core tests on it fail where a real store would. */
class InMemoryStoreGuardsTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final ContextId A = new ContextId("alpha");

    private final InMemoryStore store = InMemoryStore.open();

    @BeforeEach
    void context() {
        store.write(tx -> {
            tx.contexts().insert(new Context(A, "", ContextConfig.empty(), T0));
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void a_read_transaction_refuses_to_write() {
        assertThatThrownBy(() -> store.read(tx -> {
            tx.sessions().insert(session("sess_1"));
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("must not write");
        assertThat(stored("sess_1")).isEmpty();
    }

    @Test
    void a_write_inside_a_write_fails_at_once_instead_of_deadlocking() {
        assertThatThrownBy(() -> store.write(outer -> store.write(inner -> null))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_transaction_kept_past_its_call_is_refused() {
        StoreTransaction kept = store.write(tx -> tx);
        assertThatThrownBy(() -> kept.sessions().find(A, "sess_1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_read_during_a_write_sees_the_state_before_it() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> writer = pool.submit(() -> store.write(tx -> {
                tx.sessions().insert(session("sess_1"));
                written.countDown();
                await(read);
                return null;
            }));
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stored("sess_1")).isEmpty();
            read.countDown();
            writer.get(10, TimeUnit.SECONDS);
        }
        assertThat(stored("sess_1")).isPresent();
    }

    @Test
    void rows_of_a_missing_context_or_session_fail_as_foreign_keys_do() {
        assertThatThrownBy(() -> store.write(tx -> {
            tx.sessions().insert(new Session("sess_1", new ContextId("missing"), ScopeSet.NONE, Map.of(), T0));
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("foreign key");
    }

    private Optional<Session> stored(String id) {
        return store.read(tx -> tx.sessions().find(A, id));
    }

    private static Session session(String id) {
        return new Session(id, A, ScopeSet.NONE, Map.of(), T0);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
