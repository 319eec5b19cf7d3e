package dev.spectron.core.retrieval;

import dev.spectron.core.change.Change;
import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.MemoryStore;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * How the in-process indexes ({@link VectorCache}, {@link TextCache}) follow a context's change
 * log: the documents indexed or gone since the position they last applied.
 */
final class ChangeLogTail {
    /** Change-log rows read per round. */
    private static final int BATCH = 5_000;

    private ChangeLogTail() {
    }

    /** What one round of the log did to the documents. */
    record DocChanges(List<String> indexed, List<String> gone) {
    }

    /**
     * Applies the changes after {@code appliedSeq} in rounds; returns the new position, or nothing
     * when the log is behind it: the context was deleted and created again, and its index must be
     * built anew.
     */
    static OptionalLong follow(MemoryStore store, ContextId contextId, long appliedSeq, Consumer<DocChanges> apply) {
        long applied = appliedSeq;
        while (true) {
            long after = applied;
            List<Change> changes = store.read(tx -> tx.changes().since(contextId, after, BATCH));
            if (changes.isEmpty()) {
                return applied == appliedSeq && store.read(tx -> tx.changes().lastSeq(contextId)) < appliedSeq ? OptionalLong.empty()
                        : OptionalLong.of(applied);
            }
            List<String> indexed = changes.stream().filter(c -> c.kind() == ChangeKind.DOC_INDEXED).map(Change::refId).toList();
            List<String> gone = changes.stream().filter(c -> c.kind() == ChangeKind.DOCS_DELETED || c.kind() == ChangeKind.DOCS_RETIRED)
                    .map(Change::refId).toList();
            apply.accept(new DocChanges(indexed, gone));
            applied = changes.getLast().seq();
            if (changes.size() < BATCH) {
                return OptionalLong.of(applied);
            }
        }
    }
}
