package dev.spectron.core.port;

import dev.spectron.core.auth.ApiKey;
import dev.spectron.core.context.ContextId;
import java.util.List;
import java.util.Optional;

/** Stored data-plane keys (hashes only). */
public interface KeyRecords {
    /** @throws dev.spectron.core.ConflictException if the context already has a key of this name */
    void insert(ApiKey key);

    /** Looks a key up by the hash of its secret, across all contexts. */
    Optional<ApiKey> findBySecretHash(String secretHash);

    Optional<ApiKey> findByName(ContextId contextId, String name);

    /** The context's keys, ordered by name. */
    List<ApiKey> list(ContextId contextId);

    /** Replaces the key's secret hash and expiry; the old secret stops working at commit. */
    void replaceSecret(ApiKey key);

    boolean delete(ContextId contextId, String name);
}
