package dev.spectron.store.sqlite;

import dev.spectron.core.port.AbstractSharedDatabaseContractTest;
import dev.spectron.core.port.MemoryStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Two stores on one file: what two processes on one data directory would do, minus the server's directory lock. */
class SqliteSharedDatabaseIT extends AbstractSharedDatabaseContractTest {
    @TempDir
    Path dir;

    @Override
    protected MemoryStore createStore() {
        return SqliteMemoryStore.open(dir.resolve("spectron.db"));
    }

    @Override
    protected MemoryStore openSecondStoreOnSameDatabase() {
        return SqliteMemoryStore.open(dir.resolve("spectron.db"));
    }

    @Override
    protected boolean sessionLocksSpanStores() {
        return false;
    }
}
