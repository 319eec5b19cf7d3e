package dev.spectron.core.retrieval;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.MemoryStore;

/**
 * The in-process full-text index of each context, built from the stored documents and kept
 * current from the change log (see {@link LogFollowingIndexes}), as {@link VectorCache} keeps the
 * vectors: the database stays the record, the index is rebuilt from it at will.
 */
public final class TextCache {
    private final LogFollowingIndexes<TextIndex> indexes;

    public TextCache(MemoryStore store) {
        this.indexes = new LogFollowingIndexes<>(store, (contextId, index, changes) -> {
            if (!changes.indexed().isEmpty()) {
                // Retired documents are not found here; their own change removes them below.
                store.read(tx -> tx.search().find(contextId, changes.indexed())).forEach(doc -> index.add(doc.id(), doc.text()));
            }
            changes.gone().forEach(index::remove);
        });
    }

    /** The context's index, current as of the last committed write. */
    public TextIndex current(ContextId contextId) {
        return indexes.current(contextId, index -> true, tx -> {
            TextIndex index = new TextIndex();
            tx.search().texts(contextId).forEach(index::add);
            return index;
        });
    }

    /** Frees the context's index: the context was deleted. */
    public void forget(ContextId contextId) {
        indexes.forget(contextId);
    }
}
