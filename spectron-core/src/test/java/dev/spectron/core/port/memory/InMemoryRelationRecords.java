package dev.spectron.core.port.memory;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Fact;
import dev.spectron.core.memory.Relation;
import dev.spectron.core.port.RelationRecords;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

final class InMemoryRelationRecords implements RelationRecords {
    private static final Comparator<Relation> BY_LABEL = Comparator.comparing(Relation::label).thenComparing(FactRows.OLDEST_FIRST);
    private final FactRows<Relation> rows;

    InMemoryRelationRecords(InMemoryTransaction tx) {
        this.rows = new FactRows<>(tx, t -> t.relations, (r, importance, confidence, validUntil, supersedes, supersededBy, closedAt) ->
                new Relation(r.id(), r.subjectId(), r.label(), r.objectId(), r.category(), importance, confidence, r.scopes(), r.validFrom(),
                        validUntil, supersedes, supersededBy, r.source(), r.createdAt(), closedAt));
    }

    @Override
    public List<Relation> findByIds(ContextId contextId, Collection<String> ids) {
        return rows.findByIds(contextId, ids);
    }

    @Override
    public void insert(ContextId contextId, Relation relation) {
        rows.insert(contextId, relation, relation.subjectId(), relation.objectId());
    }

    @Override
    public void close(ContextId contextId, String id, Instant validUntil, String supersededBy, Instant closedAt) {
        rows.close(contextId, id, validUntil, supersededBy, closedAt);
    }

    @Override
    public void reinforce(ContextId contextId, String id, double importance, double confidence) {
        rows.reinforce(contextId, id, importance, confidence);
    }

    @Override
    public List<Relation> live(ContextId contextId, String subjectId, String label) {
        return rows.of(contextId).filter(r -> r.subjectId().equals(subjectId) && r.label().equals(label) && r.isLive())
                .sorted(FactRows.OLDEST_FIRST).toList();
    }

    @Override
    public List<Relation> liveTouching(ContextId contextId, String entityId) {
        return rows.of(contextId).filter(r -> touches(r, entityId) && r.isLive()).sorted(BY_LABEL).toList();
    }

    @Override
    public List<Relation> believedAt(ContextId contextId, String entityId, Instant at) {
        return rows.of(contextId).filter(r -> touches(r, entityId) && r.wasBelievedAt(at)).sorted(BY_LABEL).toList();
    }

    @Override
    public List<Relation> allTouching(ContextId contextId, String entityId) {
        return rows.of(contextId).filter(r -> touches(r, entityId)).sorted(BY_LABEL).toList();
    }

    @Override
    public void delete(ContextId contextId, Collection<String> ids) {
        rows.delete(contextId, ids);
    }

    @Override
    public List<Relation> allLive(ContextId contextId) {
        return rows.of(contextId).filter(Fact::isLive).sorted(Comparator.comparing(Relation::subjectId).thenComparing(BY_LABEL)).toList();
    }

    @Override
    public List<String> topLabels(ContextId contextId, int limit) {
        return rows.mostUsed(contextId, Relation::label, limit);
    }

    private static boolean touches(Relation relation, String entityId) {
        return relation.subjectId().equals(entityId) || relation.objectId().equals(entityId);
    }
}
