package dev.spectron.core.port.memory;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.StoredTrace;
import dev.spectron.core.port.TraceRecords;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class InMemoryTraceRecords implements TraceRecords {
    private final InMemoryTransaction tx;

    InMemoryTraceRecords(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(List<StoredTrace> traces) {
        Tables t = tx.write();
        for (StoredTrace trace : traces) {
            if (t.contexts.containsKey(trace.contextId())) {
                t.traces.putIfAbsent(new Tables.Key(trace.contextId(), trace.id()), trace);
            }
        }
    }

    @Override
    public Optional<StoredTrace> find(ContextId contextId, String id) {
        return Optional.ofNullable(tx.read().traces.get(new Tables.Key(contextId, id)));
    }

    @Override
    public int deleteCreatedBefore(Instant cutoff) {
        var traces = tx.write().traces.values();
        int before = traces.size();
        traces.removeIf(trace -> trace.createdAt().isBefore(cutoff));
        return before - traces.size();
    }
}
