package dev.spectron.core.port.memory;

import dev.spectron.core.ConflictException;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.EntityType;
import dev.spectron.core.port.EntityRecords;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Unique per context on the id and on (type, normalised name), as the schema's keys. */
final class InMemoryEntityRecords implements EntityRecords {
    private static final Comparator<Entity> BY_NAME = Comparator.comparing(e -> e.ref().normalisedName());
    private final InMemoryTransaction tx;

    InMemoryEntityRecords(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(ContextId contextId, Entity entity) {
        Tables t = tx.writeIn(contextId);
        Tables.Key key = new Tables.Key(contextId, entity.id());
        if (t.entities.containsKey(key) || find(contextId, entity.ref()).isPresent()) {
            throw new ConflictException("entity " + entity.ref().path() + " already exists");
        }
        t.entities.put(key, entity);
    }

    @Override
    public void update(ContextId contextId, Entity entity) {
        tx.write().entities.computeIfPresent(new Tables.Key(contextId, entity.id()), (key, stored) -> new Entity(stored.id(), stored.ref(),
                entity.category(), entity.importance(), entity.scopes(), stored.sourceTurn(), stored.createdAt(), entity.updatedAt(),
                entity.deletedAt()));
    }

    @Override
    public Optional<Entity> find(ContextId contextId, EntityRef ref) {
        return of(contextId).filter(e -> e.ref().type() == ref.type() && e.ref().normalisedName().equals(ref.normalisedName())).findFirst();
    }

    @Override
    public List<Entity> findByIds(ContextId contextId, Collection<String> ids) {
        Map<Tables.Key, Entity> entities = tx.read().entities;
        return new LinkedHashSet<>(ids).stream().map(id -> entities.get(new Tables.Key(contextId, id))).filter(Objects::nonNull).toList();
    }

    @Override
    public List<Entity> findByNames(ContextId contextId, Collection<String> normalisedNames) {
        Set<String> names = new LinkedHashSet<>(normalisedNames);
        return of(contextId).filter(e -> !e.isDeleted() && names.contains(e.ref().normalisedName())).toList();
    }

    @Override
    public void delete(ContextId contextId, String id) {
        Tables t = tx.write();
        boolean referenced = t.attributes.entrySet().stream().anyMatch(e -> e.getKey().contextId().equals(contextId) && e.getValue().entityId().equals(id))
                || t.relations.entrySet().stream().anyMatch(e -> e.getKey().contextId().equals(contextId)
                        && (e.getValue().subjectId().equals(id) || e.getValue().objectId().equals(id)));
        if (referenced) {
            throw new IllegalStateException("foreign key: entity '" + id + "' still has attributes or relations");
        }
        t.entities.remove(new Tables.Key(contextId, id));
    }

    @Override
    public List<Entity> list(ContextId contextId, EntityType type, int limit, int offset) {
        Comparator<Entity> order = type == null ? Comparator.<Entity, String>comparing(e -> e.ref().type().wireName()).thenComparing(BY_NAME) : BY_NAME;
        return of(contextId).filter(e -> !e.isDeleted() && (type == null || e.ref().type() == type))
                .sorted(order).skip(offset).limit(limit).toList();
    }

    private Stream<Entity> of(ContextId contextId) {
        return tx.read().entities.entrySet().stream().filter(e -> e.getKey().contextId().equals(contextId)).map(Map.Entry::getValue);
    }
}
