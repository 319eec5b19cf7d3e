package dev.spectron.server.trace;

import dev.spectron.core.NotFoundException;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.trace.TraceWriter;
import dev.spectron.server.auth.Authenticator;
import dev.spectron.server.auth.Caller;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /traces/{id}}: why a read returned what it did (a retrieval trace), or how a chat
 * answered (a response trace: the prompt sent, the model, tokens, step latencies and the retrieval
 * inside it). Traces are stored (see {@link TraceWriter}) and answered from any server process,
 * as rendered by {@link TraceDocuments}, until the retention period ends.
 */
public final class TraceRoutes {
    private final TraceWriter traces;
    private final Authenticator auth;

    public TraceRoutes(TraceWriter traces, Authenticator auth) {
        this.traces = traces;
        this.auth = auth;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/{context}/traces/{trace}", this::trace);
    }

    private void trace(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        ContextId contextId = caller.contextId();
        String id = ctx.pathParam("trace");
        String body = traces.find(contextId, id)
                .orElseThrow(() -> new NotFoundException("no trace '" + id + "' in this context (traces are kept for a limited time)"));
        ctx.contentType("application/json").result(body);
    }
}
