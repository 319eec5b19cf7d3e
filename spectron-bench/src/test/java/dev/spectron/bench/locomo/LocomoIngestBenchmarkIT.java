package dev.spectron.bench.locomo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The harness end to end on a tiny made-up conversation in the LoCoMo format; figures go to docs/benchmarks.md. */
class LocomoIngestBenchmarkIT {
    @Test
    void ingests_every_turn_and_counts_what_memory_gained() throws Exception {
        var result = LocomoIngestBenchmark.run(Path.of(getClass().getResource("/mini-locomo.json").toURI()), 10);
        assertThat(result.turns()).isEqualTo(3);
        assertThat(result.latency().count()).isEqualTo(3);
        assertThat(result.rowsCreated()).containsKeys("entities", "attributes", "relations");
    }
}
