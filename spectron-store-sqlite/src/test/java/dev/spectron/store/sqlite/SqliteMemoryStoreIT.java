package dev.spectron.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.context.Context;
import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.AbstractMemoryStoreContractTest;
import dev.spectron.core.port.MemoryStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMemoryStoreIT extends AbstractMemoryStoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected MemoryStore createStore() {
        return SqliteMemoryStore.open(dir.resolve("spectron.db"));
    }

    @Test
    void reopening_keeps_data_and_does_not_rerun_migrations() {
        store.write(tx -> {
            tx.sessions().insert(session("sess_1", A));
            return null;
        });
        store.close();
        store = SqliteMemoryStore.open(dir.resolve("spectron.db"));
        assertThat(one(tx -> tx.sessions().find(A, "sess_1"))).isPresent();
        assertThat(all(tx -> tx.contexts().list())).hasSize(2);
    }

    @Test
    void creates_missing_parent_directories() {
        try (MemoryStore nested = SqliteMemoryStore.open(dir.resolve("a/b/spectron.db"))) {
            nested.write(tx -> {
                tx.contexts().insert(new Context(new ContextId("x"), "", ContextConfig.empty(), T0));
                return null;
            });
            assertThat(nested.backend()).isEqualTo("sqlite");
        }
        assertThat(dir.resolve("a/b/spectron.db")).exists();
    }
}
