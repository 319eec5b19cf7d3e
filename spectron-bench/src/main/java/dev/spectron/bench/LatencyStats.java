package dev.spectron.bench;

import java.util.Arrays;

/** Percentiles (nearest rank) of a set of latencies, in milliseconds. */
public record LatencyStats(int count, double p50, double p95, double p99, double max, double mean) {
    public static LatencyStats ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        return new LatencyStats(sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted[sorted.length - 1] / 1e6, mean);
    }

    /** Nearest-rank percentile: the smallest sample with at least p% of samples at or below it. */
    static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "p50 %.2f  p95 %.2f  p99 %.2f  max %.2f  mean %.2f (ms, n=%d)", p50, p95, p99, max, mean, count);
    }
}
