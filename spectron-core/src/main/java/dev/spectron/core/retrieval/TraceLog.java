package dev.spectron.core.retrieval;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.StoredTrace;
import dev.spectron.core.trace.TraceWriter;
import java.time.Instant;

/**
 * Retrieval traces (tier, reason, candidate counts, scores, latency) for {@code GET /traces/{id}}:
 * handed to the {@link TraceWriter}, which stores them in batches, so any server process on the
 * database answers for them until the retention period ends.
 */
public final class TraceLog {
    /** A trace with the context it belongs to and when it was made. */
    public record Trace(ContextId contextId, String query, Retrieval retrieval, Instant createdAt) {
    }

    /** Renders a trace as the document {@code GET /traces/{id}} answers; the server's, since the wire shape is. */
    @FunctionalInterface
    public interface Renderer {
        String render(Trace trace);
    }

    private final TraceWriter writer;
    private final Renderer renderer;

    public TraceLog(TraceWriter writer, Renderer renderer) {
        this.writer = writer;
        this.renderer = renderer;
    }

    public void record(ContextId contextId, String query, Retrieval retrieval, Instant at) {
        Trace trace = new Trace(contextId, query, retrieval, at);
        writer.record(contextId, retrieval.traceId(), StoredTrace.Kind.RETRIEVAL, at, () -> renderer.render(trace));
    }
}
