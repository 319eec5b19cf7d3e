package dev.spectron.core.retrieval;

import dev.spectron.core.change.Change;
import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.embedding.EmbedderId;
import dev.spectron.core.embedding.VectorIndex;
import dev.spectron.core.port.MemoryStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process vector index of each context (DESIGN.md §3), loaded lazily from the stored
 * vectors and brought up to date from the change log before every search, so several server
 * processes on one database stay consistent without a cache protocol of their own.
 */
public final class VectorCache {
    /** Change-log rows read per catch-up round. */
    private static final int CATCH_UP_BATCH = 5_000;

    private final MemoryStore store;
    private final Map<ContextId, Entry> entries = new ConcurrentHashMap<>();

    private static final class Entry {
        final EmbedderId model;
        final VectorIndex index;
        long appliedSeq;

        Entry(EmbedderId model, VectorIndex index, long appliedSeq) {
            this.model = model;
            this.index = index;
            this.appliedSeq = appliedSeq;
        }
    }

    public VectorCache(MemoryStore store) {
        this.store = store;
    }

    /** The context's index for {@code model}, current as of the last committed write. */
    public VectorIndex current(ContextId contextId, EmbedderId model) {
        Entry entry = entries.compute(contextId, (id, existing) -> existing != null && existing.model.equals(model) ? existing : load(id, model));
        synchronized (entry) {
            catchUp(contextId, entry);
        }
        return entry.index;
    }

    private Entry load(ContextId contextId, EmbedderId model) {
        return store.read(tx -> {
            // Read the position first: anything written after it is replayed by catchUp.
            long seq = tx.changes().lastSeq(contextId);
            VectorIndex index = new VectorIndex(model.dimension());
            for (StoredVector vector : tx.search().vectors(contextId, model.model())) {
                index.upsert(vector.docId(), vector.vector());
            }
            return new Entry(model, index, seq);
        });
    }

    private void catchUp(ContextId contextId, Entry entry) {
        while (true) {
            List<Change> changes = store.read(tx -> tx.changes().since(contextId, entry.appliedSeq, CATCH_UP_BATCH));
            if (changes.isEmpty()) {
                return;
            }
            List<String> indexed = changes.stream().filter(c -> c.kind() == ChangeKind.DOC_INDEXED).map(Change::refId).toList();
            if (!indexed.isEmpty()) {
                for (StoredVector vector : store.read(tx -> tx.search().vectors(contextId, entry.model.model(), indexed))) {
                    entry.index.upsert(vector.docId(), vector.vector());
                }
            }
            for (Change change : changes) {
                if (change.kind() == ChangeKind.DOCS_DELETED || change.kind() == ChangeKind.DOCS_RETIRED) {
                    entry.index.remove(change.refId());
                }
            }
            entry.appliedSeq = changes.get(changes.size() - 1).seq();
            if (changes.size() < CATCH_UP_BATCH) {
                return;
            }
        }
    }
}
