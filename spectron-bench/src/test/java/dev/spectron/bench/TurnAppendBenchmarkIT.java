package dev.spectron.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.bench.turns.TurnAppendBenchmark;
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
}
