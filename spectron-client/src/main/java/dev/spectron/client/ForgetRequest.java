package dev.spectron.client;

import java.util.Objects;

/**
 * Options of {@code memory.forget()} (POST {@code /forget}).
 *
 * @param purge          erase permanently (with history) instead of retiring
 * @param dryRun         only count what would be forgotten
 * @param idempotencyKey sent as {@code Idempotency-Key}; null means one is generated per call
 */
public record ForgetRequest(String query, boolean purge, boolean dryRun, String idempotencyKey) {
    public ForgetRequest {
        Objects.requireNonNull(query, "query");
    }

    public static ForgetRequest of(String query) {
        return new ForgetRequest(query, false, false, null);
    }

    public ForgetRequest withPurge(boolean value) {
        return new ForgetRequest(query, value, dryRun, idempotencyKey);
    }

    public ForgetRequest withDryRun(boolean value) {
        return new ForgetRequest(query, purge, value, idempotencyKey);
    }

    public ForgetRequest withIdempotencyKey(String value) {
        return new ForgetRequest(query, purge, dryRun, value);
    }

    Object toWire() {
        return new Body().put("query", query).putIf(purge, "purge", true).putIf(dryRun, "dryRun", true).map();
    }
}
