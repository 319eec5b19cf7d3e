package dev.spectron.core.memory;

import dev.spectron.core.InvalidInputException;
import dev.spectron.core.NotFoundException;
import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.core.reconcile.MemoryDiff.RelationView;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads of structured memory — state, entities, history — and the soft delete of an entity. */
public final class MemoryQueries {
    public static final int MAX_ENTITY_PAGE = 500;

    private final MemoryStore store;
    private final Clock clock;

    public MemoryQueries(MemoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** An entity with its attributes and the relations that touch it, endpoints resolved. */
    public record EntityView(Entity entity, List<Attribute> attributes, List<RelationView> relations) {
    }

    /** Everything live in the context (spectron-api.md §2.2.12). */
    public record State(List<Entity> entities, List<Attribute> attributes, List<RelationView> relations,
                        List<Instruction> instructions, List<Uncertainty> unknowns) {
        public Map<String, Entity> entitiesById() {
            return entities.stream().collect(Collectors.toMap(Entity::id, Function.identity()));
        }
    }

    public State state(ContextId contextId) {
        return store.read(tx -> {
            List<Attribute> attributes = tx.attributes().allLive(contextId);
            List<Relation> relations = tx.relations().allLive(contextId);
            Set<String> ids = new HashSet<>();
            attributes.forEach(a -> ids.add(a.entityId()));
            relations.forEach(r -> {
                ids.add(r.subjectId());
                ids.add(r.objectId());
            });
            Map<String, Entity> entities = byId(tx, contextId, ids);
            return new State(entities.values().stream().filter(e -> !e.isDeleted()).sorted(java.util.Comparator.comparing(e -> e.ref().path())).toList(),
                    attributes, views(relations, entities), tx.instructions().active(contextId), tx.uncertainties().open(contextId));
        });
    }

    /**
     * {@code /profile} (spectron-internals.md §4.7): static = identity, dynamic = context,
     * preferences = knowledge attributes, each {@code (attribute, owner)}. A profile describes
     * people, so only attributes of person entities are listed; context-wide facts about products,
     * policies or organisations stay in {@code /state} and {@code /entities} (issue 16).
     */
    public record Profile(List<Attribute> staticItems, List<Attribute> dynamic, List<Attribute> preferences, List<Instruction> instructions,
                          Map<String, Entity> owners) {
    }

    public Profile profile(ContextId contextId) {
        State state = state(contextId);
        Map<String, Entity> owners = state.entitiesById();
        List<Attribute> personal = state.attributes().stream()
                .filter(a -> owners.containsKey(a.entityId()) && owners.get(a.entityId()).ref().type() == EntityType.PERSON)
                .toList();
        return new Profile(inCategory(personal, MemoryCategory.IDENTITY), inCategory(personal, MemoryCategory.CONTEXT),
                inCategory(personal, MemoryCategory.KNOWLEDGE), state.instructions(), owners);
    }

    private static List<Attribute> inCategory(List<Attribute> attributes, MemoryCategory category) {
        return attributes.stream().filter(a -> a.category() == category).toList();
    }

    public List<Entity> entities(ContextId contextId, String type, int limit, int offset) {
        if (limit < 1 || limit > MAX_ENTITY_PAGE) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_ENTITY_PAGE + "; got " + limit);
        }
        if (offset < 0) {
            throw new InvalidInputException("offset", "offset must not be negative; got " + offset);
        }
        EntityType entityType = type == null || type.isBlank() ? null : EntityType.normalise(type);
        return store.read(tx -> tx.entities().list(contextId, entityType, limit, offset));
    }

    /**
     * The entity as memory holds it now, or as true at {@code asOf} when given: the facts whose
     * validity contains that instant. The entity exists from the earliest {@code validFrom} of what
     * it holds, so "I moved to Porto last month" dates it back to last month (issue 16).
     */
    public EntityView entity(ContextId contextId, EntityRef ref, Instant asOf) {
        return store.read(tx -> {
            if (asOf != null) {
                return entityAsOf(tx, contextId, ref, asOf);
            }
            Entity entity = require(tx, contextId, ref);
            List<Relation> relations = tx.relations().liveTouching(contextId, entity.id());
            return new EntityView(entity, tx.attributes().liveOf(contextId, entity.id()), views(relations, byId(tx, contextId, endpoints(relations))));
        });
    }

    private EntityView entityAsOf(StoreTransaction tx, ContextId contextId, EntityRef ref, Instant asOf) {
        Entity entity = tx.entities().find(contextId, ref)
                .filter(e -> e.deletedAt() == null || e.deletedAt().isAfter(asOf))
                .orElseThrow(() -> new NotFoundException("no entity " + ref.path() + " as of " + asOf));
        List<Attribute> allAttributes = tx.attributes().allOf(contextId, entity.id());
        List<Relation> allRelations = tx.relations().allTouching(contextId, entity.id());
        Instant since = java.util.stream.Stream.concat(allAttributes.stream().map(Attribute::validFrom), allRelations.stream().map(Relation::validFrom))
                .reduce(entity.createdAt(), (a, b) -> a.isBefore(b) ? a : b);
        if (since.isAfter(asOf)) {
            throw new NotFoundException("no entity " + ref.path() + " as of " + asOf);
        }
        List<Attribute> attributes = allAttributes.stream().filter(a -> a.wasValidAt(asOf)).toList();
        List<Relation> relations = allRelations.stream().filter(r -> r.wasValidAt(asOf)).toList();
        return new EntityView(entity, attributes, views(relations, byId(tx, contextId, endpoints(relations))));
    }

    private static Set<String> endpoints(List<Relation> relations) {
        Set<String> ids = new HashSet<>();
        relations.forEach(r -> {
            ids.add(r.subjectId());
            ids.add(r.objectId());
        });
        return ids;
    }

    /** Every version of one key, oldest first: the supersession chain. */
    public List<Attribute> history(ContextId contextId, EntityRef ref, String key) {
        return store.read(tx -> tx.attributes().history(contextId, require(tx, contextId, ref).id(), AttributeKeys.normalise(key)));
    }

    /** Soft delete: the entity and its live facts close now; history and asOf reads keep them. */
    public void deleteEntity(ContextId contextId, EntityRef ref) {
        Instant now = clock.instant();
        store.write(tx -> {
            Entity entity = require(tx, contextId, ref);
            for (Attribute attribute : tx.attributes().liveOf(contextId, entity.id())) {
                tx.attributes().close(contextId, attribute.id(), now, null, now);
                tx.changes().append(contextId, ChangeKind.ATTRIBUTE_CLOSED, attribute.id(), now);
            }
            for (Relation relation : tx.relations().liveTouching(contextId, entity.id())) {
                tx.relations().close(contextId, relation.id(), now, null, now);
                tx.changes().append(contextId, ChangeKind.RELATION_CLOSED, relation.id(), now);
            }
            tx.entities().update(contextId, new Entity(entity.id(), entity.ref(), entity.category(), entity.importance(), entity.scopes(),
                    entity.sourceTurn(), entity.createdAt(), now, now));
            return tx.changes().append(contextId, ChangeKind.ENTITY_WRITTEN, entity.id(), now);
        });
    }

    private static Entity require(StoreTransaction tx, ContextId contextId, EntityRef ref) {
        return tx.entities().find(contextId, ref).filter(e -> !e.isDeleted())
                .orElseThrow(() -> new NotFoundException("no entity " + ref.path()));
    }

    private static Map<String, Entity> byId(StoreTransaction tx, ContextId contextId, Collection<String> ids) {
        return tx.entities().findByIds(contextId, ids).stream().collect(Collectors.toMap(Entity::id, Function.identity()));
    }

    private static List<RelationView> views(List<Relation> relations, Map<String, Entity> entities) {
        return relations.stream()
                .filter(r -> entities.containsKey(r.subjectId()) && entities.containsKey(r.objectId()))
                .map(r -> new RelationView(r, entities.get(r.subjectId()).ref(), entities.get(r.objectId()).ref()))
                .toList();
    }
}
