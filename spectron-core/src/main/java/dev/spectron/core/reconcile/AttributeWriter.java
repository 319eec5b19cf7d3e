package dev.spectron.core.reconcile;

import dev.spectron.core.Ids;
import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.extraction.ExtractedAttribute;
import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.AttributeKeys;
import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.Uncertainty;
import dev.spectron.core.port.StoreTransaction;
import java.time.Instant;
import java.util.List;

/** Applies attribute decisions: inserts, corroborations, supersessions with their corrections, conflicts. */
final class AttributeWriter {
    /** Recall reinforcement factor (spectron-internals.md §5.1), applied to corroboration too. */
    static final double REINFORCEMENT = 1.1;

    private final StoreTransaction tx;
    private final ReconcileRequest request;
    private final DiffCollector diff;
    private final Instant now;

    AttributeWriter(StoreTransaction tx, ReconcileRequest request, DiffCollector diff, Instant now) {
        this.tx = tx;
        this.request = request;
        this.diff = diff;
        this.now = now;
    }

    /** What a write did: the decision and the row it added (null when it corroborated). */
    record Written(AttributeDecision decision, Attribute row) {
    }

    Written write(Entity entity, ExtractedAttribute incoming) {
        String key = AttributeKeys.normalise(incoming.key());
        Instant validFrom = AttributeDecisions.validFrom(incoming, request.observedAt());
        List<Attribute> live = tx.attributes().live(request.contextId(), entity.id(), key).stream()
                .filter(row -> row.scopes().equals(request.scopes()))
                .toList();
        boolean multiValued = AttributeKeys.isMultiValued(key, incoming.category());
        AttributeDecision decision = AttributeDecisions.decide(live, incoming, request.observedAt(), multiValued, request.confidenceFloor());
        Attribute row = switch (decision) {
            case AttributeDecision.Insert insert -> insert(entity, key, incoming, validFrom, null, null, null);
            case AttributeDecision.Corroborate corroborate -> {
                corroborate(corroborate.existing(), incoming);
                yield null;
            }
            case AttributeDecision.Supersede supersede -> supersede(entity, key, incoming, validFrom, supersede.replaced());
            case AttributeDecision.InsertHistorical historical -> insert(entity, key, incoming, validFrom,
                    AttributeDecisions.closingAt(validFrom, historical.successor().validFrom()), historical.successor().id(), request.observedAt());
            case AttributeDecision.RecordConflict conflict -> {
                Attribute inserted = insert(entity, key, incoming, validFrom, null, null, null);
                recordUncertainty(entity.ref().name() + "." + key, conflict.reason());
                yield inserted;
            }
        };
        if (row != null) {
            diff.attribute(row);
        }
        return new Written(decision, row);
    }

    /** Closes live rows ("I no longer …"): {@code value} null closes every live value of the key. */
    void invalidate(Entity entity, String rawKey, String value, Instant validUntil) {
        String key = AttributeKeys.normalise(rawKey);
        for (Attribute row : tx.attributes().live(request.contextId(), entity.id(), key)) {
            if (row.scopes().equals(request.scopes()) && (value == null || matches(row.value(), value))) {
                tx.attributes().close(request.contextId(), row.id(), validUntil, null, request.observedAt());
                tx.changes().append(request.contextId(), ChangeKind.ATTRIBUTE_CLOSED, row.id(), now);
                diff.invalidated(new MemoryDiff.Invalidated(row.id(), entity.id(), key, row.value()));
            }
        }
    }

    void recordUncertainty(String about, String reason) {
        Uncertainty uncertainty = new Uncertainty(Ids.newId("unc_", now), about, reason, request.scopes(), request.source().turnId(),
                false, request.observedAt());
        tx.uncertainties().insert(request.contextId(), uncertainty);
        tx.changes().append(request.contextId(), ChangeKind.UNCERTAINTY_WRITTEN, uncertainty.id(), now);
        diff.uncertainty(uncertainty);
    }

    private Attribute supersede(Entity entity, String key, ExtractedAttribute incoming, Instant validFrom, List<Attribute> replaced) {
        String newId = Ids.newId("attr_", now);
        for (Attribute old : replaced) {
            tx.attributes().close(request.contextId(), old.id(), AttributeDecisions.closingAt(old.validFrom(), validFrom), newId,
                    request.observedAt());
            tx.changes().append(request.contextId(), ChangeKind.ATTRIBUTE_CLOSED, old.id(), now);
            diff.correction(new MemoryDiff.Correction(entity.id(), key, old.value(), incoming.value()));
        }
        Attribute last = replaced.get(replaced.size() - 1);
        return insertWithId(newId, entity, key, incoming, validFrom, null, null, null, last.id());
    }

    private void corroborate(Attribute existing, ExtractedAttribute incoming) {
        double importance = Math.min(1.0, existing.importance() * REINFORCEMENT);
        double confidence = Math.max(existing.confidence(), incoming.confidence());
        tx.attributes().reinforce(request.contextId(), existing.id(), importance, confidence);
    }

    private Attribute insert(Entity entity, String key, ExtractedAttribute incoming, Instant validFrom, Instant validUntil,
                             String supersededBy, Instant closedAt) {
        return insertWithId(Ids.newId("attr_", now), entity, key, incoming, validFrom, validUntil, supersededBy, closedAt, null);
    }

    private Attribute insertWithId(String id, Entity entity, String key, ExtractedAttribute incoming, Instant validFrom, Instant validUntil,
                                   String supersededBy, Instant closedAt, String supersedes) {
        Attribute attribute = new Attribute(id, entity.id(), key, incoming.value(), incoming.category(),
                incoming.category().initialImportance(), incoming.confidence(), request.scopes(), validFrom, validUntil, supersedes,
                supersededBy, request.source().withSpan(incoming.span()), request.observedAt(), closedAt);
        tx.attributes().insert(request.contextId(), attribute);
        tx.changes().append(request.contextId(), ChangeKind.ATTRIBUTE_WRITTEN, attribute.id(), now);
        return attribute;
    }

    static boolean matches(String stored, String said) {
        String a = AttributeDecisions.comparable(stored);
        String b = AttributeDecisions.comparable(said);
        return a.equals(b) || a.contains(b) || b.contains(a);
    }
}
