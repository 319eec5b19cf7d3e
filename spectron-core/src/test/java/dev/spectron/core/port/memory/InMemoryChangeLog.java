package dev.spectron.core.port.memory;

import dev.spectron.core.change.Change;
import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.ChangeLog;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The counter lives on the context row, as in the JDBC records, so deleting the context resets it past the floor. */
final class InMemoryChangeLog implements ChangeLog {
    private final InMemoryTransaction tx;

    InMemoryChangeLog(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Change append(ContextId contextId, ChangeKind kind, String refId, Instant at) {
        Tables t = tx.writeIn(contextId);
        Tables.ContextRow row = t.contexts.get(contextId);
        long seq = row.changeSeq() + 1;
        t.contexts.put(contextId, new Tables.ContextRow(row.context(), seq));
        Change change = new Change(contextId, seq, kind, refId, at);
        t.changes.put(new Tables.ChangeKey(contextId, seq), change);
        return change;
    }

    @Override
    public long lastSeq(ContextId contextId) {
        Tables.ContextRow row = tx.read().contexts.get(contextId);
        return row == null ? 0 : row.changeSeq();
    }

    @Override
    public List<Change> since(ContextId contextId, long afterSeq, int limit) {
        return tx.read().changes.values().stream()
                .filter(change -> change.contextId().equals(contextId) && change.seq() > afterSeq)
                .sorted(Comparator.comparingLong(Change::seq)).limit(limit).toList();
    }
}
