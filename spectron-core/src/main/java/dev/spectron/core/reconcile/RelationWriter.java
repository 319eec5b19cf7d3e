package dev.spectron.core.reconcile;

import dev.spectron.core.Ids;
import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.extraction.ExtractedRelation;
import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.AttributeKeys;
import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.Relation;
import dev.spectron.core.port.StoreTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Relations follow the attribute rules: the same edge again corroborates; a single-valued label
 * ({@code lives_in}) with a new object supersedes when confident, else both stay with an
 * uncertainty; multi-valued labels ({@code friend_of}) gather edges.
 */
final class RelationWriter {
    private final StoreTransaction tx;
    private final ReconcileRequest request;
    private final DiffCollector diff;
    private final Instant now;
    private final AttributeWriter uncertainties;

    RelationWriter(StoreTransaction tx, ReconcileRequest request, DiffCollector diff, Instant now, AttributeWriter uncertainties) {
        this.tx = tx;
        this.request = request;
        this.diff = diff;
        this.now = now;
        this.uncertainties = uncertainties;
    }

    void write(Entity subject, Entity object, ExtractedRelation incoming) {
        String label = AttributeKeys.normalise(incoming.label());
        Instant validFrom = incoming.validFrom() == null ? request.observedAt() : incoming.validFrom();
        List<Relation> live = tx.relations().live(request.contextId(), subject.id(), label).stream()
                .filter(row -> row.scopes().equals(request.scopes()))
                .toList();
        for (Relation existing : live) {
            if (existing.objectId().equals(object.id())) {
                tx.relations().reinforce(request.contextId(), existing.id(), Math.min(1.0, existing.importance() * AttributeWriter.REINFORCEMENT),
                        Math.max(existing.confidence(), incoming.confidence()));
                return;
            }
        }
        if (live.isEmpty() || AttributeKeys.isMultiValuedLabel(label)) {
            insert(subject, object, label, incoming, validFrom, null);
            return;
        }
        double strongest = live.stream().mapToDouble(Relation::confidence).max().orElse(0);
        if (incoming.confidence() >= request.confidenceFloor() && incoming.confidence() >= strongest) {
            String newId = Ids.newId("rel_", now);
            for (Relation old : live) {
                tx.relations().close(request.contextId(), old.id(), validFrom, newId, request.observedAt());
                tx.changes().append(request.contextId(), ChangeKind.RELATION_CLOSED, old.id(), now);
            }
            insertWithId(newId, subject, object, label, incoming, validFrom, live.get(live.size() - 1).id());
        } else {
            insert(subject, object, label, incoming, validFrom, null);
            uncertainties.recordUncertainty(subject.ref().name() + "." + label, String.format(Locale.ROOT,
                    "new %s '%s' (confidence %.2f) does not replace the live one", label, object.ref().name(), incoming.confidence()));
        }
    }

    /** Closes live edges with {@code label}; {@code objectName} null closes all of them. */
    void invalidate(Entity subject, String rawLabel, String objectName, Instant validUntil) {
        String label = AttributeKeys.normalise(rawLabel);
        List<Relation> live = tx.relations().live(request.contextId(), subject.id(), label);
        List<String> objectIds = live.stream().map(Relation::objectId).distinct().toList();
        var objects = tx.entities().findByIds(request.contextId(), objectIds);
        for (Relation row : live) {
            Entity object = objects.stream().filter(e -> e.id().equals(row.objectId())).findFirst().orElse(null);
            if (!row.scopes().equals(request.scopes())
                    || (objectName != null && (object == null || !AttributeWriter.matches(object.ref().name(), objectName)))) {
                continue;
            }
            tx.relations().close(request.contextId(), row.id(), validUntil, null, request.observedAt());
            tx.changes().append(request.contextId(), ChangeKind.RELATION_CLOSED, row.id(), now);
            diff.invalidated(new MemoryDiff.Invalidated(row.id(), subject.id(), label, object == null ? null : object.ref().name()));
        }
    }

    /**
     * The relation half of a paired fact ({@link dev.spectron.core.memory.FactPair}) follows what
     * happened to its attribute: the same value corroborates or repairs the edge, a new value adds
     * it (closing the other live edges when the attribute replaced its old value, with the same
     * dates), older news adds it already closed, a conflict keeps both edges live.
     */
    void mirror(Entity subject, Entity object, String label, ExtractedRelation incoming, AttributeWriter.Written written) {
        switch (written.decision()) {
            case AttributeDecision.Corroborate corroborate -> keepLive(subject, object, label, incoming, corroborate.existing().validFrom(), false);
            case AttributeDecision.Insert insert -> keepLive(subject, object, label, incoming, written.row().validFrom(),
                    !AttributeKeys.isMultiValuedLabel(label));
            case AttributeDecision.Supersede supersede -> keepLive(subject, object, label, incoming, written.row().validFrom(), true);
            case AttributeDecision.RecordConflict conflict -> keepLive(subject, object, label, incoming, written.row().validFrom(), false);
            case AttributeDecision.InsertHistorical historical -> {
                String successor = live(subject, label).stream().filter(r -> !r.objectId().equals(object.id()))
                        .reduce((first, later) -> later).map(Relation::id).orElse(null);
                Attribute row = written.row();
                insertRow(Ids.newId("rel_", now), subject, object, label, incoming, row.validFrom(), row.validUntil(), null, successor,
                        request.observedAt());
            }
        }
    }

    /** Makes {@code subject —label→ object} live; {@code replaceOthers} closes the subject's other edges with this label. */
    private void keepLive(Entity subject, Entity object, String label, ExtractedRelation incoming, Instant validFrom, boolean replaceOthers) {
        List<Relation> live = live(subject, label);
        Relation same = live.stream().filter(r -> r.objectId().equals(object.id())).findFirst().orElse(null);
        String id = same != null ? same.id() : Ids.newId("rel_", now);
        if (same != null) {
            tx.relations().reinforce(request.contextId(), same.id(), Math.min(1.0, same.importance() * AttributeWriter.REINFORCEMENT),
                    Math.max(same.confidence(), incoming.confidence()));
        }
        String supersedes = null;
        for (Relation old : replaceOthers ? live : List.<Relation>of()) {
            if (old != same) {
                tx.relations().close(request.contextId(), old.id(), AttributeDecisions.closingAt(old.validFrom(), validFrom), id,
                        request.observedAt());
                tx.changes().append(request.contextId(), ChangeKind.RELATION_CLOSED, old.id(), now);
                supersedes = old.id();
            }
        }
        if (same == null) {
            insertRow(id, subject, object, label, incoming, validFrom, null, supersedes, null, null);
        }
    }

    private List<Relation> live(Entity subject, String label) {
        return tx.relations().live(request.contextId(), subject.id(), label).stream()
                .filter(row -> row.scopes().equals(request.scopes()))
                .toList();
    }

    private void insert(Entity subject, Entity object, String label, ExtractedRelation incoming, Instant validFrom, String supersedes) {
        insertWithId(Ids.newId("rel_", now), subject, object, label, incoming, validFrom, supersedes);
    }

    private void insertWithId(String id, Entity subject, Entity object, String label, ExtractedRelation incoming, Instant validFrom,
                              String supersedes) {
        insertRow(id, subject, object, label, incoming, validFrom, null, supersedes, null, null);
    }

    private void insertRow(String id, Entity subject, Entity object, String label, ExtractedRelation incoming, Instant validFrom,
                           Instant validUntil, String supersedes, String supersededBy, Instant closedAt) {
        Relation relation = new Relation(id, subject.id(), label, object.id(), incoming.category(), incoming.category().initialImportance(),
                incoming.confidence(), request.scopes(), validFrom, validUntil, supersedes, supersededBy,
                request.source().withSpan(incoming.span()), request.observedAt(), closedAt);
        tx.relations().insert(request.contextId(), relation);
        tx.changes().append(request.contextId(), ChangeKind.RELATION_WRITTEN, relation.id(), now);
        diff.relation(new MemoryDiff.RelationView(relation, subject.ref(), object.ref()));
    }
}
