package dev.spectron.core.retrieval;

import dev.spectron.core.change.Change;
import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.port.StoreTransaction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One in-process index per context ({@link VectorCache}, {@link TextCache}), built from the store
 * on first use and brought up to date from the context's change log before every read, so several
 * server processes on one database agree without a cache protocol of their own.
 *
 * @param <I> the index
 */
final class LogFollowingIndexes<I> {
    /** Change-log rows read per round. */
    private static final int BATCH = 5_000;

    /** What a round of the log did to the documents. */
    record DocChanges(List<String> indexed, List<String> gone) {
    }

    /** Brings an index up to date with a round of changes; may read the store. */
    interface Applier<I> {
        void apply(ContextId contextId, I index, DocChanges changes);
    }

    private static final class Entry<I> {
        final I index;
        long appliedSeq;

        Entry(I index, long appliedSeq) {
            this.index = index;
            this.appliedSeq = appliedSeq;
        }
    }

    private final MemoryStore store;
    private final Applier<I> applier;
    private final Map<ContextId, Entry<I>> entries = new ConcurrentHashMap<>();

    LogFollowingIndexes(MemoryStore store, Applier<I> applier) {
        this.store = store;
        this.applier = applier;
    }

    /**
     * The context's index, current as of the last committed write. It is built with {@code build}
     * when there is none, when the one there is not {@code usable}, and when the change log does
     * not go on from its position: the context was deleted and created again under its id.
     */
    I current(ContextId contextId, Predicate<I> usable, Function<StoreTransaction, I> build) {
        Entry<I> entry = entries.compute(contextId, (id, existing) -> existing != null && usable.test(existing.index) ? existing
                : load(id, build));
        synchronized (entry) {
            if (!catchUp(contextId, entry)) {
                entries.remove(contextId, entry);
                return current(contextId, usable, build);
            }
        }
        return entry.index;
    }

    /** Drops the context's index (the context was deleted); a later read builds it anew. */
    void forget(ContextId contextId) {
        entries.remove(contextId);
    }

    private Entry<I> load(ContextId contextId, Function<StoreTransaction, I> build) {
        return store.read(tx -> {
            // The position first: anything written after it is replayed by the catch-up.
            long seq = tx.changes().lastSeq(contextId);
            return new Entry<>(build.apply(tx), seq);
        });
    }

    /**
     * Applies the changes after the entry's position in rounds; false when the log does not go on
     * from it: it is behind, or it jumps (the context was created again, see {@code ChangeLog}).
     */
    private boolean catchUp(ContextId contextId, Entry<I> entry) {
        while (true) {
            long after = entry.appliedSeq;
            Round round = store.read(tx -> new Round(tx.changes().since(contextId, after, BATCH), tx.changes().lastSeq(contextId)));
            if (round.changes().isEmpty()) {
                return round.lastSeq() == after;
            }
            if (round.changes().getFirst().seq() != after + 1) {
                return false;
            }
            List<String> indexed = round.changes().stream().filter(c -> c.kind() == ChangeKind.DOC_INDEXED).map(Change::refId).toList();
            List<String> gone = round.changes().stream().filter(c -> c.kind() == ChangeKind.DOCS_DELETED || c.kind() == ChangeKind.DOCS_RETIRED)
                    .map(Change::refId).toList();
            applier.apply(contextId, entry.index, new DocChanges(indexed, gone));
            entry.appliedSeq = round.changes().getLast().seq();
            if (round.changes().size() < BATCH) {
                return true;
            }
        }
    }

    /** One read of the log: the rows after a position and the newest number, from one snapshot. */
    private record Round(List<Change> changes, long lastSeq) {
    }
}
