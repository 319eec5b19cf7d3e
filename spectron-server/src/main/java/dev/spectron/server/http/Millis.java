package dev.spectron.server.http;

/** Latencies on the wire: milliseconds to two decimals. */
public final class Millis {
    private Millis() {
    }

    public static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }
}
