package dev.spectron.core.retrieval;

import dev.spectron.core.context.ContextId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private final Map<String, Trace> entries = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Trace> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized void record(ContextId contextId, String query, Retrieval retrieval, Instant at) {
        entries.put(retrieval.traceId(), new Trace(contextId, query, retrieval, at));
    }

    /** The trace, only to a caller of the context that made it. */
    public synchronized Optional<Trace> find(ContextId contextId, String traceId) {
        return Optional.ofNullable(entries.get(traceId)).filter(e -> e.contextId().equals(contextId));
    }
}
