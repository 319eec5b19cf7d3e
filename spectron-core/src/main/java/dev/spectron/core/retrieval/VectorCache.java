package dev.spectron.core.retrieval;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.embedding.EmbedderId;
import dev.spectron.core.embedding.VectorIndex;
import dev.spectron.core.port.MemoryStore;

/**
 * The in-process vector index of each context (DESIGN.md §3), loaded from the stored vectors of
 * one model and kept current from the change log (see {@link LogFollowingIndexes}), so several
 * server processes on one database stay consistent without a cache protocol of their own.
 */
public final class VectorCache {
    /** An index holds the vectors of one model; another model's read builds it anew. */
    private record ModelIndex(EmbedderId model, VectorIndex index) {
    }

    private final LogFollowingIndexes<ModelIndex> indexes;

    public VectorCache(MemoryStore store) {
        this.indexes = new LogFollowingIndexes<>(store, (contextId, loaded, changes) -> {
            if (!changes.indexed().isEmpty()) {
                for (StoredVector vector : store.read(tx -> tx.search().vectors(contextId, loaded.model().model(), changes.indexed()))) {
                    loaded.index().upsert(vector.docId(), vector.vector());
                }
            }
            changes.gone().forEach(loaded.index()::remove);
        });
    }

    /** The context's index for {@code model}, current as of the last committed write. */
    public VectorIndex current(ContextId contextId, EmbedderId model) {
        return indexes.current(contextId, loaded -> loaded.model().equals(model), tx -> {
            VectorIndex index = new VectorIndex(model.dimension());
            for (StoredVector vector : tx.search().vectors(contextId, model.model())) {
                index.upsert(vector.docId(), vector.vector());
            }
            return new ModelIndex(model, index);
        }).index();
    }

    /** Frees the context's index: the context was deleted. */
    public void forget(ContextId contextId) {
        indexes.forget(contextId);
    }
}
