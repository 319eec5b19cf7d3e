package dev.spectron.core.port.memory;

import dev.spectron.core.ConflictException;
import dev.spectron.core.auth.ApiKey;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.KeyRecords;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Unique as in the schema: the id, the secret hash across contexts, the name within a context. */
final class InMemoryKeyRecords implements KeyRecords {
    private final InMemoryTransaction tx;

    InMemoryKeyRecords(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(ApiKey key) {
        Tables t = tx.writeIn(key.contextId());
        boolean taken = t.keys.containsKey(key.id()) || t.keys.values().stream().anyMatch(k -> k.secretHash().equals(key.secretHash())
                || k.contextId().equals(key.contextId()) && k.name().equals(key.name()));
        if (taken) {
            throw new ConflictException("context '" + key.contextId() + "' already has a key named '" + key.name() + "'");
        }
        t.keys.put(key.id(), key);
    }

    @Override
    public Optional<ApiKey> findBySecretHash(String secretHash) {
        return tx.read().keys.values().stream().filter(k -> k.secretHash().equals(secretHash)).findFirst();
    }

    @Override
    public Optional<ApiKey> findByName(ContextId contextId, String name) {
        return tx.read().keys.values().stream().filter(k -> k.contextId().equals(contextId) && k.name().equals(name)).findFirst();
    }

    @Override
    public List<ApiKey> list(ContextId contextId) {
        return tx.read().keys.values().stream().filter(k -> k.contextId().equals(contextId))
                .sorted(Comparator.comparing(ApiKey::name)).toList();
    }

    @Override
    public void replaceSecret(ApiKey key) {
        Tables t = tx.write();
        ApiKey stored = t.keys.get(key.id());
        if (stored != null && stored.contextId().equals(key.contextId())) {
            t.keys.put(key.id(), new ApiKey(stored.id(), stored.contextId(), stored.name(), key.secretHash(), stored.createdAt(), key.validUntil()));
        }
    }

    @Override
    public boolean delete(ContextId contextId, String name) {
        return tx.write().keys.values().removeIf(k -> k.contextId().equals(contextId) && k.name().equals(name));
    }
}
