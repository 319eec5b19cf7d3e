package dev.spectron.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spectron.bench.context.ContextLatencyBenchmark;
import dev.spectron.bench.turns.TurnAppendBenchmark;
import dev.spectron.store.postgres.LocalPostgres;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness works end to end; the figures themselves belong in docs/benchmarks.md, not in assertions. */
class TurnAppendBenchmarkIT {
    @Test
    void runs_against_an_embedded_server_and_reports_every_turn() throws Exception {
        var result = TurnAppendBenchmark.run(new TurnAppendBenchmark.Options(null, null, "default", 40, 4, 2, 4));
        assertThat(result.turns()).isEqualTo(40);
        assertThat(result.latency().count()).isEqualTo(40);
        assertThat(result.latency().p50()).isPositive();
        assertThat(result.latency().p95()).isGreaterThanOrEqualTo(result.latency().p50());
        assertThat(result.turnsPerSecond()).isPositive();
    }

    @Test
    void runs_two_nodes_on_a_fresh_postgres_database_and_drops_it_afterwards() throws Exception {
        String url = LocalPostgres.newDatabase();
        var result = TurnAppendBenchmark.run(new TurnAppendBenchmark.Options(null, null, "default", 20, 4, 2, 2, url, 2));
        assertThat(result.latency().count()).isEqualTo(20);
        assertThat(result.target()).contains("2 embedded nodes").contains("PostgreSQL");

        var rows = ContextLatencyBenchmark.run(List.of(300), 2, 8, url, 2, 4);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.latency().count()).isEqualTo(8);
            assertThat(row.readsPerSecond()).isPositive();
        });
        assertThat(benchDatabases()).as("every benchmark database is dropped").isZero();
    }

    @Test
    void refuses_several_nodes_on_sqlite() {
        assertThatThrownBy(() -> TurnAppendBenchmark.run(new TurnAppendBenchmark.Options(null, null, "default", 5, 1, 1, 0, null, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--database-url");
    }

    private static long benchDatabases() throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + LocalPostgres.port() + "/postgres", "spectron", "");
             var rows = connection.createStatement().executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'spectron_bench_%'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
