package dev.spectron.core.forget;

import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.Instruction;
import dev.spectron.core.memory.Relation;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.core.retrieval.SearchDoc;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /forget} (spectron-api.md §2.2.6, spectron-internals.md §5.5). A soft forget
 * retires: facts close now (as {@code DELETE /entities/...} closes them), instructions deactivate,
 * a referenced entity is soft-deleted, and matching turns leave retrieval; history, {@code asOf}
 * reads and the transcript keep them. A purge erases the rows, the history behind them, matching
 * turns and their search documents and vectors. Every change is logged, so followers such as the
 * vector cache drop what went.
 */
public final class Forgetting {
    private final MemoryStore store;
    private final Clock clock;

    public Forgetting(MemoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The ids of what was (or, in a dry run, would be) forgotten. */
    public record Outcome(List<String> ids) {
        public int deleted() {
            return ids.size();
        }
    }

    /** A dry run: what {@link #forget} would touch now, without writing. */
    public Outcome preview(ContextId contextId, ForgetQuery query, boolean purge) {
        return new Outcome(store.read(tx -> ForgetPlanner.plan(tx, contextId, query, purge)).ids());
    }

    /** Runs inside the caller's write transaction, which also holds the idempotency record: all or nothing. */
    public Outcome forget(StoreTransaction tx, ContextId contextId, ForgetQuery query, boolean purge) {
        ForgetPlan plan = ForgetPlanner.plan(tx, contextId, query, purge);
        Instant now = clock.instant();
        if (purge) {
            purge(tx, contextId, plan, now);
        } else {
            retire(tx, contextId, plan, now);
        }
        return new Outcome(plan.ids());
    }

    private static void retire(StoreTransaction tx, ContextId contextId, ForgetPlan plan, Instant now) {
        for (Attribute attribute : plan.attributes()) {
            tx.attributes().close(contextId, attribute.id(), now, null, now);
            tx.changes().append(contextId, ChangeKind.ATTRIBUTE_CLOSED, attribute.id(), now);
        }
        for (Relation relation : plan.relations()) {
            tx.relations().close(contextId, relation.id(), now, null, now);
            tx.changes().append(contextId, ChangeKind.RELATION_CLOSED, relation.id(), now);
        }
        for (Instruction instruction : plan.instructions()) {
            tx.instructions().deactivate(contextId, instruction.id(), now);
            tx.changes().append(contextId, ChangeKind.INSTRUCTION_WRITTEN, instruction.id(), now);
        }
        Entity entity = plan.entity();
        if (entity != null) {
            tx.entities().update(contextId, new Entity(entity.id(), entity.ref(), entity.category(), entity.importance(), entity.scopes(),
                    entity.sourceTurn(), entity.createdAt(), now, now));
            tx.changes().append(contextId, ChangeKind.ENTITY_WRITTEN, entity.id(), now);
        }
        List<String> docIds = plan.turnDocs().stream().map(SearchDoc::id).toList();
        tx.search().retire(contextId, docIds, now);
        docIds.forEach(id -> tx.changes().append(contextId, ChangeKind.DOCS_RETIRED, id, now));
    }

    private static void purge(StoreTransaction tx, ContextId contextId, ForgetPlan plan, Instant now) {
        List<String> attributeIds = plan.attributes().stream().map(Attribute::id).toList();
        List<String> relationIds = plan.relations().stream().map(Relation::id).toList();
        List<String> refs = new ArrayList<>(attributeIds);
        refs.addAll(relationIds);
        refs.addAll(plan.turnIds());
        if (plan.entity() != null) {
            refs.add(plan.entity().id());
        }
        for (String docId : tx.search().deleteByRefs(contextId, refs)) {
            tx.changes().append(contextId, ChangeKind.DOCS_DELETED, docId, now);
        }
        // Relations and attributes before their entity: they reference it.
        tx.relations().delete(contextId, relationIds);
        tx.attributes().delete(contextId, attributeIds);
        tx.instructions().delete(contextId, plan.instructions().stream().map(Instruction::id).toList());
        tx.turns().delete(contextId, plan.turnIds());
        if (plan.entity() != null) {
            tx.entities().delete(contextId, plan.entity().id());
        }
        plan.ids().forEach(id -> tx.changes().append(contextId, ChangeKind.MEMORY_PURGED, id, now));
    }
}
