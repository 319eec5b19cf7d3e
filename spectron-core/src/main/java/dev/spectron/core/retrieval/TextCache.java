package dev.spectron.core.retrieval;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.MemoryStore;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process full-text index of each context, loaded lazily from the stored documents and
 * brought up to date from the change log before every search, as {@link VectorCache} keeps the
 * vectors: the database stays the record, the index is rebuilt from it at will.
 */
public final class TextCache {
    private final MemoryStore store;
    private final Map<ContextId, Entry> entries = new ConcurrentHashMap<>();

    private static final class Entry {
        final TextIndex index;
        long appliedSeq;

        Entry(TextIndex index, long appliedSeq) {
            this.index = index;
            this.appliedSeq = appliedSeq;
        }
    }

    public TextCache(MemoryStore store) {
        this.store = store;
    }

    /** The context's index, current as of the last committed write. */
    public TextIndex current(ContextId contextId) {
        Entry entry = entries.computeIfAbsent(contextId, this::load);
        synchronized (entry) {
            OptionalLong applied = ChangeLogTail.follow(store, contextId, entry.appliedSeq, changes -> {
                if (!changes.indexed().isEmpty()) {
                    // Retired documents are not found here; their own change removes them below.
                    store.read(tx -> tx.search().find(contextId, changes.indexed())).forEach(doc -> entry.index.add(doc.id(), doc.text()));
                }
                changes.gone().forEach(entry.index::remove);
            });
            if (applied.isEmpty()) {
                entries.remove(contextId, entry);
                return current(contextId);
            }
            entry.appliedSeq = applied.getAsLong();
        }
        return entry.index;
    }

    private Entry load(ContextId contextId) {
        return store.read(tx -> {
            // Read the position first: anything written after it is replayed by the catch-up.
            long seq = tx.changes().lastSeq(contextId);
            TextIndex index = new TextIndex();
            tx.search().texts(contextId).forEach(index::add);
            return new Entry(index, seq);
        });
    }
}
