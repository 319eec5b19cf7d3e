package dev.spectron.core.retrieval;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.embedding.EmbedderId;
import dev.spectron.core.embedding.VectorIndex;
import dev.spectron.core.port.MemoryStore;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process vector index of each context (DESIGN.md §3), loaded lazily from the stored
 * vectors and brought up to date from the change log before every search, so several server
 * processes on one database stay consistent without a cache protocol of their own.
 */
public final class VectorCache {
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
            if (!catchUp(contextId, entry)) {
                entries.remove(contextId, entry);
                return current(contextId, model);
            }
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

    /** @return false when the index must be built anew (see {@link ChangeLogTail#follow}) */
    private boolean catchUp(ContextId contextId, Entry entry) {
        OptionalLong applied = ChangeLogTail.follow(store, contextId, entry.appliedSeq, changes -> {
            if (!changes.indexed().isEmpty()) {
                for (StoredVector vector : store.read(tx -> tx.search().vectors(contextId, entry.model.model(), changes.indexed()))) {
                    entry.index.upsert(vector.docId(), vector.vector());
                }
            }
            changes.gone().forEach(entry.index::remove);
        });
        applied.ifPresent(seq -> entry.appliedSeq = seq);
        return applied.isPresent();
    }
}
