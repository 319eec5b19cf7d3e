package dev.spectron.client;

import java.time.Instant;
import java.util.Objects;

/**
 * Options of {@code memory.recall()} (POST {@code /query}).
 *
 * @param k    how many hits (1..50), null for the server default (10)
 * @param mode retrieval mode ({@code hybrid_graph}, {@code hybrid}, {@code bm25}, {@code vector}), null for the default
 * @param lens narrows reads to records involving this scope, or null
 * @param asOf read memory as it was known at this time, or null for now
 */
public record RecallRequest(String query, Integer k, String mode, Scope lens, Instant asOf) {
    public RecallRequest {
        Objects.requireNonNull(query, "query");
    }

    public static RecallRequest of(String query) {
        return new RecallRequest(query, null, null, null, null);
    }

    public RecallRequest withK(int value) {
        return new RecallRequest(query, value, mode, lens, asOf);
    }

    public RecallRequest withMode(String value) {
        return new RecallRequest(query, k, value, lens, asOf);
    }

    public RecallRequest withLens(Scope value) {
        return new RecallRequest(query, k, mode, value, asOf);
    }

    public RecallRequest withAsOf(Instant value) {
        return new RecallRequest(query, k, mode, lens, value);
    }

    Object toWire() {
        return new Body().put("query", query).put("k", k).put("mode", mode).put("lens", lens == null ? null : lens.toWire())
                .put("asOf", asOf == null ? null : asOf.toString()).map();
    }
}
