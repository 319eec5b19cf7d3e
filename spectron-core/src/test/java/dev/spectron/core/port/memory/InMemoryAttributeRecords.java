package dev.spectron.core.port.memory;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.Fact;
import dev.spectron.core.port.AttributeRecords;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class InMemoryAttributeRecords implements AttributeRecords {
    private static final Comparator<Attribute> BY_KEY = Comparator.comparing(Attribute::key).thenComparing(FactRows.OLDEST_FIRST);
    private final FactRows<Attribute> rows;

    InMemoryAttributeRecords(InMemoryTransaction tx) {
        this.rows = new FactRows<>(tx, t -> t.attributes, (a, importance, confidence, validUntil, supersedes, supersededBy, closedAt) ->
                new Attribute(a.id(), a.entityId(), a.key(), a.value(), a.category(), importance, confidence, a.scopes(), a.validFrom(),
                        validUntil, supersedes, supersededBy, a.source(), a.createdAt(), closedAt));
    }

    @Override
    public List<Attribute> findByIds(ContextId contextId, Collection<String> ids) {
        return rows.findByIds(contextId, ids);
    }

    @Override
    public void insert(ContextId contextId, Attribute attribute) {
        rows.insert(contextId, attribute, attribute.entityId());
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
    public List<Attribute> live(ContextId contextId, String entityId, String key) {
        return rows.of(contextId).filter(a -> a.entityId().equals(entityId) && a.key().equals(key) && a.isLive())
                .sorted(FactRows.OLDEST_FIRST).toList();
    }

    @Override
    public List<Attribute> liveOf(ContextId contextId, String entityId) {
        return rows.of(contextId).filter(a -> a.entityId().equals(entityId) && a.isLive()).sorted(BY_KEY).toList();
    }

    @Override
    public List<Attribute> believedAt(ContextId contextId, String entityId, Instant at) {
        return rows.of(contextId).filter(a -> a.entityId().equals(entityId) && a.wasBelievedAt(at)).sorted(BY_KEY).toList();
    }

    @Override
    public List<Attribute> history(ContextId contextId, String entityId, String key) {
        return rows.of(contextId).filter(a -> a.entityId().equals(entityId) && a.key().equals(key)).sorted(FactRows.OLDEST_FIRST).toList();
    }

    @Override
    public List<Attribute> allOf(ContextId contextId, String entityId) {
        return rows.of(contextId).filter(a -> a.entityId().equals(entityId)).sorted(BY_KEY).toList();
    }

    @Override
    public void delete(ContextId contextId, Collection<String> ids) {
        rows.delete(contextId, ids);
    }

    @Override
    public List<Attribute> allLive(ContextId contextId) {
        return rows.of(contextId).filter(Fact::isLive).sorted(Comparator.comparing(Attribute::entityId).thenComparing(BY_KEY)).toList();
    }

    @Override
    public List<String> topKeys(ContextId contextId, int limit) {
        return rows.mostUsed(contextId, Attribute::key, limit);
    }

    @Override
    public Optional<Attribute> latestInSession(ContextId contextId, String sessionId, String key) {
        return rows.of(contextId).filter(a -> sessionId.equals(a.source().sessionId()) && a.key().equals(key))
                .max(FactRows.OLDEST_FIRST);
    }
}
