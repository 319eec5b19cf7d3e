package dev.spectron.core.reconcile;

import dev.spectron.core.Ids;
import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.MemoryCategory;
import dev.spectron.core.port.StoreTransaction;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds or creates entities by exact (type, normalised name) — no fuzzy merging
 * (spectron-internals.md §2.5). Widens an entity's scopes to cover the write, revives a
 * soft-deleted one that is mentioned again, and caches per write so a turn naming "Ada" three
 * times reads the row once.
 */
final class EntityResolver {
    private final StoreTransaction tx;
    private final ReconcileRequest request;
    private final DiffCollector diff;
    private final Instant now;
    private final Map<String, Entity> resolved = new HashMap<>();

    EntityResolver(StoreTransaction tx, ReconcileRequest request, DiffCollector diff, Instant now) {
        this.tx = tx;
        this.request = request;
        this.diff = diff;
        this.now = now;
    }

    Entity resolve(EntityRef ref, MemoryCategory category) {
        String key = ref.path();
        Entity known = resolved.get(key);
        if (known != null) {
            return known;
        }
        Entity entity = tx.entities().find(request.contextId(), ref).map(this::touch).orElseGet(() -> create(ref, category));
        resolved.put(key, entity);
        return entity;
    }

    private Entity touch(Entity existing) {
        var scopes = existing.scopes().union(request.scopes());
        if (scopes.equals(existing.scopes()) && !existing.isDeleted()) {
            diff.entity(existing, false);
            return existing;
        }
        Entity updated = new Entity(existing.id(), existing.ref(), existing.category(), existing.importance(), scopes,
                existing.sourceTurn(), existing.createdAt(), now, null);
        tx.entities().update(request.contextId(), updated);
        diff.entity(updated, existing.isDeleted());
        return updated;
    }

    private Entity create(EntityRef ref, MemoryCategory category) {
        Entity entity = new Entity(Ids.newId("ent_", now), ref, category, category.initialImportance(), request.scopes(),
                request.source().turnId(), request.observedAt(), now, null);
        tx.entities().insert(request.contextId(), entity);
        tx.changes().append(request.contextId(), ChangeKind.ENTITY_WRITTEN, entity.id(), now);
        diff.entity(entity, true);
        return entity;
    }
}
