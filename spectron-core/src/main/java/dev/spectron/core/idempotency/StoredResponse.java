package dev.spectron.core.idempotency;

/**
 * A response as it will be sent and, under an idempotency key, replayed: status plus JSON body.
 * {@code replayed} is true when it comes from an earlier request with the same key.
 */
public record StoredResponse(int status, String body, boolean replayed) {
    public static StoredResponse of(int status, String body) {
        return new StoredResponse(status, body, false);
    }
}
