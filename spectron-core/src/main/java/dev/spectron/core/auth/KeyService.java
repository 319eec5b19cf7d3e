package dev.spectron.core.auth;

import dev.spectron.core.InvalidInputException;
import dev.spectron.core.Ids;
import dev.spectron.core.NotFoundException;
import dev.spectron.core.UnauthorizedException;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.port.StoreTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Mints, rotates, lists, deletes and checks data-plane keys. */
public final class KeyService {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /** One message for every rejection, so a caller cannot probe which contexts or keys exist. */
    static final String REJECTED = "missing, invalid or expired API key for this context";
    /** The longest expiry a key may be given (ten years); a key meant to outlive it is minted without one. */
    public static final Duration MAX_TTL = Duration.ofDays(3650);

    private final MemoryStore store;
    private final Clock clock;

    public KeyService(MemoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Mints a key named {@code name}; {@code ttl} may be null for a key that does not expire. */
    public MintedKey mint(ContextId contextId, String name, Duration ttl) {
        validateName(name);
        return store.write(tx -> mint(tx, contextId, name, ttl));
    }

    /** {@link #mint(ContextId, String, Duration)} inside the caller's write, e.g. the first-start set-up. */
    public MintedKey mint(StoreTransaction tx, ContextId contextId, String name, Duration ttl) {
        validateName(name);
        Instant now = clock.instant();
        String id = Ids.newId("key_", now);
        String secret = KeySecrets.newSecret(id);
        ApiKey key = new ApiKey(id, contextId, name, KeySecrets.hash(secret), now, expiry(now, ttl));
        tx.contexts().find(contextId).orElseThrow(() -> new NotFoundException("context '" + contextId + "' does not exist"));
        tx.keys().insert(key);
        return new MintedKey(key, secret);
    }

    /**
     * Registers an operator-chosen secret (e.g. {@code SPECTRON_API_KEY}) under {@code name},
     * unless that exact secret is already registered. Returns true when it was added.
     */
    public boolean register(ContextId contextId, String name, String secret) {
        return store.write(tx -> register(tx, contextId, name, secret));
    }

    /** {@link #register(ContextId, String, String)} inside the caller's write. */
    public boolean register(StoreTransaction tx, ContextId contextId, String name, String secret) {
        String hash = KeySecrets.hash(secret);
        if (tx.keys().findBySecretHash(hash).isPresent()) {
            return false;
        }
        Instant now = clock.instant();
        String keyName = tx.keys().findByName(contextId, name).isPresent() ? name + "-" + now.toEpochMilli() : name;
        tx.keys().insert(new ApiKey(Ids.newId("key_", now), contextId, keyName, hash, now, null));
        return true;
    }

    /** Gives the key a new secret; the old one stops working immediately. A null ttl keeps the expiry. */
    public MintedKey rotate(ContextId contextId, String name, Duration ttl) {
        return store.write(tx -> {
            ApiKey old = tx.keys().findByName(contextId, name).orElseThrow(() -> keyNotFound(contextId, name));
            String secret = KeySecrets.newSecret(old.id());
            Instant validUntil = ttl == null ? old.validUntil() : expiry(clock.instant(), ttl);
            ApiKey rotated = new ApiKey(old.id(), contextId, name, KeySecrets.hash(secret), old.createdAt(), validUntil);
            tx.keys().replaceSecret(rotated);
            return new MintedKey(rotated, secret);
        });
    }

    public List<ApiKey> list(ContextId contextId) {
        return store.read(tx -> tx.keys().list(contextId));
    }

    public void delete(ContextId contextId, String name) {
        if (!store.write(tx -> tx.keys().delete(contextId, name))) {
            throw keyNotFound(contextId, name);
        }
    }

    /**
     * The key behind {@code secret} if it is valid for {@code contextId}. A key of another
     * context is rejected exactly like an unknown key (401, never 404).
     */
    public ApiKey authenticate(ContextId contextId, String secret) {
        if (secret == null || secret.isBlank()) {
            throw new UnauthorizedException(REJECTED);
        }
        Optional<ApiKey> key = store.read(tx -> tx.keys().findBySecretHash(KeySecrets.hash(secret)));
        return key.filter(k -> k.contextId().equals(contextId) && k.isValidAt(clock.instant()))
                .orElseThrow(() -> new UnauthorizedException(REJECTED));
    }

    private static Instant expiry(Instant now, Duration ttl) {
        if (ttl == null) {
            return null;
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new InvalidInputException("ttl_seconds", "ttl_seconds must be positive");
        }
        if (ttl.compareTo(MAX_TTL) > 0) {
            throw new InvalidInputException("ttl_seconds", "ttl_seconds must be between 1 and " + MAX_TTL.toSeconds()
                    + " (ten years); got " + ttl.toSeconds() + "; leave it out for a key that does not expire");
        }
        return now.plus(ttl);
    }

    private static void validateName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("name", "key name must be 1-64 characters of letters, digits, '_', '.' or '-'");
        }
    }

    private static NotFoundException keyNotFound(ContextId contextId, String name) {
        return new NotFoundException("context '" + contextId + "' has no key named '" + name + "'");
    }
}
