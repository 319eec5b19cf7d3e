package dev.spectron.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spectron.core.port.AbstractMemoryStoreContractTest;
import dev.spectron.core.port.MemoryStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PostgresMemoryStoreIT extends AbstractMemoryStoreContractTest {
    private String url;

    @Override
    protected MemoryStore createStore() {
        url = LocalPostgres.newDatabase();
        return PostgresMemoryStore.open(PostgresSettings.fromUrl(url).withPoolSize(4));
    }

    @Test
    void reports_its_backend_and_that_it_is_reachable() {
        assertThat(store.backend()).isEqualTo("postgres");
        assertThat(store.reachable()).isTrue();
    }

    @Test
    void a_read_cannot_write_and_sees_one_snapshot() {
        // read-only: the read pool's sessions default to it, with no statement per read
        assertThatThrownBy(() -> store.read(tx -> {
            tx.sessions().insert(session("sess_ro", A));
            return null;
        })).isInstanceOf(PostgresStoreException.class).hasMessageContaining("25006");
        boolean written = store.read(tx -> tx.sessions().find(A, "sess_ro").isPresent());
        assertThat(written).isFalse();
        // repeatable read: a write committed during a read is not seen by the read's later queries
        String seen = store.read(tx -> {
            boolean before = tx.sessions().find(A, "sess_mid").isPresent();
            store.write(w -> {
                w.sessions().insert(session("sess_mid", A));
                return null;
            });
            return before + "/" + tx.sessions().find(A, "sess_mid").isPresent();
        });
        assertThat(seen).isEqualTo("false/false");
        boolean committed = store.read(tx -> tx.sessions().find(A, "sess_mid").isPresent());
        assertThat(committed).isTrue();
    }

    @Test
    void a_closed_store_is_not_reachable_and_answers_at_once() {
        store.close();
        long start = System.nanoTime();
        assertThat(store.reachable()).isFalse();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_500);
    }

    @Test
    void reopening_keeps_data_and_does_not_rerun_migrations() {
        store.write(tx -> {
            tx.sessions().insert(session("sess_1", A));
            return null;
        });
        store.close();
        store = PostgresMemoryStore.open(PostgresSettings.fromUrl(url).withPoolSize(2));
        assertThat(one(tx -> tx.sessions().find(A, "sess_1"))).isPresent();
        assertThat(all(tx -> tx.contexts().list())).hasSize(2);
    }

    @Test
    void three_nodes_starting_together_on_a_fresh_database_migrate_it_once() throws Exception {
        String fresh = LocalPostgres.newDatabase();
        List<Future<PostgresMemoryStore>> opening = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(3)) {
            for (int i = 0; i < 3; i++) {
                opening.add(pool.submit((Callable<PostgresMemoryStore>) () -> PostgresMemoryStore.open(PostgresSettings.fromUrl(fresh).withPoolSize(2))));
            }
        }
        List<PostgresMemoryStore> nodes = new ArrayList<>();
        for (Future<PostgresMemoryStore> node : opening) {
            nodes.add(node.get());
        }
        try {
            for (PostgresMemoryStore node : nodes) {
                assertThat(node.read(tx -> tx.contexts().list()).isEmpty()).isTrue();
            }
            // Flyway's history holds each version once, successful.
            assertThat(migratedVersions(fresh)).containsExactly("1", "2", "3", "4", "5");
        } finally {
            nodes.forEach(PostgresMemoryStore::close);
        }
    }

    private static List<String> migratedVersions(String url) throws SQLException {
        PostgresSettings settings = PostgresSettings.fromUrl(url);
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            List<String> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            return versions;
        }
    }

    @Test
    void a_database_that_does_not_exist_fails_open_with_one_line() {
        String missing = url.substring(0, url.lastIndexOf('/') + 1) + "no_such_database";
        assertThatThrownBy(() -> PostgresMemoryStore.open(PostgresSettings.fromUrl(missing)))
                .isInstanceOf(PostgresStoreException.class)
                .hasMessageStartingWith("cannot connect to PostgreSQL at 127.0.0.1:" + LocalPostgres.port() + "/no_such_database: ")
                .hasMessageContaining("no_such_database")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
