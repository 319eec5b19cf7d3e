package dev.spectron.core.chat;

import dev.spectron.core.RecentByContext;
import dev.spectron.core.context.ContextId;
import java.util.Optional;

/**
 * Recent chat response traces for {@code GET /traces/{id}}, the newest {@value #CAPACITY} per
 * server, like the retrieval traces: in memory, not durable, not shared between processes.
 */
public final class ResponseTraces {
    static final int CAPACITY = 10_000;

    private final RecentByContext<ResponseTrace> recent = new RecentByContext<>(CAPACITY);

    public void record(ResponseTrace trace) {
        recent.put(trace.contextId(), trace.id(), trace);
    }

    /** The trace, only to a caller of the context that made it. */
    public Optional<ResponseTrace> find(ContextId contextId, String traceId) {
        return recent.find(contextId, traceId);
    }
}
