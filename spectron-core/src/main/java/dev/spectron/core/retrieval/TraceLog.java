package dev.spectron.core.retrieval;

import dev.spectron.core.RecentByContext;
import dev.spectron.core.context.ContextId;
import java.time.Instant;
import java.util.Optional;

/**
 * Recent retrieval traces (tier, reason, candidate counts, scores, latency), kept in memory for
 * {@code GET /traces/{id}}: the newest {@value #CAPACITY} per server. Not durable and not shared
 * between server processes — a trace answers "why did this read return that" shortly after it.
 */
public final class TraceLog {
    static final int CAPACITY = 10_000;

    /** A trace with the context it belongs to and when it was made. */
    public record Trace(ContextId contextId, String query, Retrieval retrieval, Instant createdAt) {
    }

    private final RecentByContext<Trace> recent = new RecentByContext<>(CAPACITY);

    public void record(ContextId contextId, String query, Retrieval retrieval, Instant at) {
        recent.put(contextId, retrieval.traceId(), new Trace(contextId, query, retrieval, at));
    }

    /** The trace, only to a caller of the context that made it. */
    public Optional<Trace> find(ContextId contextId, String traceId) {
        return recent.find(contextId, traceId);
    }
}
