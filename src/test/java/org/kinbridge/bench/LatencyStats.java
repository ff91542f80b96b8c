package org.kinbridge.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latency figures of a series of requests, in microseconds. */
record LatencyStats(int n, long p50, long p95, long p99, long max, double mean) {

    static LatencyStats of(long[] us) {
        if (us.length == 0) {
            return new LatencyStats(0, 0, 0, 0, 0, 0);
        }
        long[] sorted = us.clone();
        Arrays.sort(sorted);
        return new LatencyStats(sorted.length, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1],
                Arrays.stream(sorted).average().orElse(0));
    }

    private static long at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "p50 %6.1f  p95 %6.1f  p99 %6.1f  max %6.1f  mean %6.1f ms (n=%d)", p50 / 1000.0,
                p95 / 1000.0, p99 / 1000.0, max / 1000.0, mean / 1000.0, n);
    }
}
