package dev.spectron.client;

import java.util.Objects;

/**
 * Options of {@code memory.context()} (POST {@code /context}).
 *
 * @param k           retrieval depth (1..50), null for the default
 * @param lens        narrows reads to records involving this scope, or null
 * @param budgetChars the context block's character budget, null for the default (4000)
 */
public record ContextRequest(String query, Integer k, Scope lens, Integer budgetChars) {
    public ContextRequest {
        Objects.requireNonNull(query, "query");
    }

    public static ContextRequest of(String query) {
        return new ContextRequest(query, null, null, null);
    }

    public ContextRequest withK(int value) {
        return new ContextRequest(query, value, lens, budgetChars);
    }

    public ContextRequest withLens(Scope value) {
        return new ContextRequest(query, k, value, budgetChars);
    }

    public ContextRequest withBudgetChars(int value) {
        return new ContextRequest(query, k, lens, value);
    }

    Object toWire() {
        return new Body().put("query", query).put("k", k).put("lens", lens == null ? null : lens.toWire())
                .put("budgetChars", budgetChars).map();
    }
}
