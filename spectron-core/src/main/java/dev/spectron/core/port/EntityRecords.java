package dev.spectron.core.port;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.EntityType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stored entities, unique per context on (type, normalised name). */
public interface EntityRecords {
    void insert(ContextId contextId, Entity entity);

    /** Updates category, importance, scopes, updatedAt and deletedAt. */
    void update(ContextId contextId, Entity entity);

    /** The entity with this identity, soft-deleted or not. */
    Optional<Entity> find(ContextId contextId, EntityRef ref);

    List<Entity> findByIds(ContextId contextId, Collection<String> ids);

    /** Entities (not deleted) of any type whose normalised name is one of {@code normalisedNames}. */
    List<Entity> findByNames(ContextId contextId, Collection<String> normalisedNames);

    /** Erases the entity row (a purge); its attributes and relations must be gone first. */
    void delete(ContextId contextId, String id);

    /** Entities that are not deleted, ordered by type then name; {@code type} null means all. */
    List<Entity> list(ContextId contextId, EntityType type, int limit, int offset);
}
