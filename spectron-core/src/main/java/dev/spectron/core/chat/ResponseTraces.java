package dev.spectron.core.chat;

import dev.spectron.core.context.ContextId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recent chat response traces for {@code GET /traces/{id}}, the newest {@value #CAPACITY} per
 * server, like the retrieval traces: in memory, not durable, not shared between processes.
 */
public final class ResponseTraces {
    static final int CAPACITY = 10_000;

    private final Map<String, ResponseTrace> entries = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ResponseTrace> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized void record(ResponseTrace trace) {
        entries.put(trace.id(), trace);
    }

    /** The trace, only to a caller of the context that made it. */
    public synchronized Optional<ResponseTrace> find(ContextId contextId, String traceId) {
        return Optional.ofNullable(entries.get(traceId)).filter(t -> t.contextId().equals(contextId));
    }
}
