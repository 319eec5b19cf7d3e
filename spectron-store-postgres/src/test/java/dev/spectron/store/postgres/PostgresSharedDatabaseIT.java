package dev.spectron.store.postgres;

import dev.spectron.core.port.AbstractSharedDatabaseContractTest;
import dev.spectron.core.port.MemoryStore;

/** Two stores, two pools, one database: what two server nodes do. */
class PostgresSharedDatabaseIT extends AbstractSharedDatabaseContractTest {
    private String url;

    @Override
    protected MemoryStore createStore() {
        url = LocalPostgres.newDatabase();
        return PostgresMemoryStore.open(PostgresSettings.fromUrl(url).withPoolSize(4));
    }

    @Override
    protected MemoryStore openSecondStoreOnSameDatabase() {
        return PostgresMemoryStore.open(PostgresSettings.fromUrl(url).withPoolSize(4));
    }

    @Override
    protected boolean sessionLocksSpanStores() {
        return true;
    }
}
