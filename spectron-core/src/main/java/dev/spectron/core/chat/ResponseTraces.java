package dev.spectron.core.chat;

import dev.spectron.core.port.StoredTrace;
import dev.spectron.core.trace.TraceWriter;

/**
 * Chat response traces for {@code GET /traces/{id}}, like the retrieval traces: handed to the
 * {@link TraceWriter}, which stores them in batches, readable from any server process until the
 * retention period ends.
 */
public final class ResponseTraces {
    /** Renders a trace as the document {@code GET /traces/{id}} answers; the server's, since the wire shape is. */
    @FunctionalInterface
    public interface Renderer {
        String render(ResponseTrace trace);
    }

    private final TraceWriter writer;
    private final Renderer renderer;

    public ResponseTraces(TraceWriter writer, Renderer renderer) {
        this.writer = writer;
        this.renderer = renderer;
    }

    public void record(ResponseTrace trace) {
        writer.record(trace.contextId(), trace.id(), StoredTrace.Kind.RESPONSE, trace.createdAt(), () -> renderer.render(trace));
    }
}
