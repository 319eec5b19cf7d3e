package dev.spectron.core.port.memory;

import dev.spectron.core.port.AbstractMemoryStoreContractTest;
import dev.spectron.core.port.MemoryStore;

class InMemoryStoreTest extends AbstractMemoryStoreContractTest {
    @Override
    protected MemoryStore createStore() {
        return InMemoryStore.open();
    }
}
