package dev.spectron.core.idempotency;

import java.time.Instant;

/**
 * The stored outcome of a write sent with an {@code Idempotency-Key}: enough to replay the exact
 * response. Keys are scoped to the context and the calling key ({@code principal}).
 */
public record IdempotencyRecord(String principal, String key, String requestHash, int status, String responseBody, Instant createdAt) {
}
