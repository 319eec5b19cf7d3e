package dev.spectron.core.idempotency;

/** A response as it will be sent and, under an idempotency key, replayed: status plus JSON body. */
public record StoredResponse(int status, String body) {
}
