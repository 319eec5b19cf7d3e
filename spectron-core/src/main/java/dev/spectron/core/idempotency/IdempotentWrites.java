package dev.spectron.core.idempotency;

import dev.spectron.core.ConflictException;
import dev.spectron.core.InvalidInputException;
import dev.spectron.core.auth.KeySecrets;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.port.StoreTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs a write under an optional {@code Idempotency-Key} (spectron-api.md §2.0): the same key and
 * body replay the stored response, the same key with another body is a 409. The check, the write
 * and the stored response commit in one transaction, and writes are serialised, so a duplicate
 * that arrives while the first is in flight waits and then replays. A write that fails stores
 * nothing, which releases the key.
 */
public final class IdempotentWrites {
    public static final Duration RETENTION = Duration.ofHours(24);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

    private final MemoryStore store;
    private final Clock clock;
    private volatile Instant lastPurge = Instant.EPOCH;

    public IdempotentWrites(MemoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public StoredResponse execute(ContextId contextId, String principal, Optional<String> idempotencyKey,
                                  String requestHash, Function<StoreTransaction, StoredResponse> work) {
        if (idempotencyKey.isEmpty()) {
            return store.write(work);
        }
        String key = checked(idempotencyKey.get());
        Instant now = clock.instant();
        return store.write(tx -> {
            purgeExpired(tx, now);
            Optional<IdempotencyRecord> previous = tx.idempotency().find(contextId, principal, key)
                    .filter(record -> record.createdAt().isAfter(now.minus(RETENTION)));
            if (previous.isPresent()) {
                IdempotencyRecord record = previous.get();
                if (!record.requestHash().equals(requestHash)) {
                    throw conflict(key);
                }
                return new StoredResponse(record.status(), record.responseBody(), true);
            }
            StoredResponse response = work.apply(tx);
            tx.idempotency().insert(contextId, new IdempotencyRecord(principal, key, requestHash, response.status(), response.body(), now));
            return response;
        });
    }

    /**
     * A replay decided before any work: the stored response when this key and body were seen, a
     * 409 when the key was used with another body, empty when the request is new. Lets callers
     * skip expensive preparation (a model call) on a retry; {@link #execute} checks again.
     */
    public Optional<StoredResponse> lookup(ContextId contextId, String principal, Optional<String> idempotencyKey, String requestHash) {
        if (idempotencyKey.isEmpty() || !KEY.matcher(idempotencyKey.get()).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return store.read(tx -> tx.idempotency().find(contextId, principal, idempotencyKey.get()))
                .filter(record -> record.createdAt().isAfter(now.minus(RETENTION)))
                .map(record -> {
                    if (!record.requestHash().equals(requestHash)) {
                        throw conflict(idempotencyKey.get());
                    }
                    return new StoredResponse(record.status(), record.responseBody(), true);
                });
    }

    /** The key as given, or a 400 when it is not 1-255 visible ASCII characters. */
    public static String checked(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException("Idempotency-Key", "Idempotency-Key must be 1-255 visible ASCII characters");
        }
        return key;
    }

    /**
     * The key of one step of a request that writes in several (a chat: the user turn, then the
     * reply), derived from the request's key: it stays within the key length limit and cannot
     * collide with a key a caller sends.
     */
    public static String stepKey(String requestKey, String step) {
        return "step:" + step + ":" + KeySecrets.hash(requestKey);
    }

    private static ConflictException conflict(String key) {
        return new ConflictException("Idempotency-Key '" + key + "' was already used with a different request body");
    }

    private void purgeExpired(StoreTransaction tx, Instant now) {
        if (lastPurge.plus(PURGE_INTERVAL).isBefore(now)) {
            tx.idempotency().deleteCreatedBefore(now.minus(RETENTION));
            lastPurge = now;
        }
    }
}
