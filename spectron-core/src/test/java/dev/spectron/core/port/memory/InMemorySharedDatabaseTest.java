package dev.spectron.core.port.memory;

import dev.spectron.core.port.AbstractSharedDatabaseContractTest;
import dev.spectron.core.port.MemoryStore;

/** Two stores on one {@link InMemoryDatabase}, as two server processes on one database. */
class InMemorySharedDatabaseTest extends AbstractSharedDatabaseContractTest {
    private InMemoryStore last;

    @Override
    protected MemoryStore createStore() {
        last = InMemoryStore.open();
        return last;
    }

    @Override
    protected MemoryStore openSecondStoreOnSameDatabase() {
        return InMemoryStore.on(last.database());
    }

    @Override
    protected boolean sessionLocksSpanStores() {
        return true; // the database holds the session locks, so every store on it shares them
    }
}
