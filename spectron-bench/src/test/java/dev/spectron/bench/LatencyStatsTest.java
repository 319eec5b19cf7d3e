package dev.spectron.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {
    @Test
    void percentiles_use_nearest_rank() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L; // 100 ms down to 1 ms, unsorted on purpose
        }
        LatencyStats stats = LatencyStats.ofNanos(nanos);
        assertThat(stats.p50()).isEqualTo(50.0);
        assertThat(stats.p95()).isEqualTo(95.0);
        assertThat(stats.p99()).isEqualTo(99.0);
        assertThat(stats.max()).isEqualTo(100.0);
        assertThat(stats.mean()).isEqualTo(50.5);
    }

    @Test
    void a_single_sample_is_every_percentile() {
        LatencyStats stats = LatencyStats.ofNanos(new long[] {2_500_000});
        assertThat(stats.p50()).isEqualTo(2.5);
        assertThat(stats.p99()).isEqualTo(2.5);
    }

    @Test
    void no_samples_is_an_error() {
        assertThatThrownBy(() -> LatencyStats.ofNanos(new long[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
