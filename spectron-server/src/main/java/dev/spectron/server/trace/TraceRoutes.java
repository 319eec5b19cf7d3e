package dev.spectron.server.trace;

import dev.spectron.core.NotFoundException;
import dev.spectron.core.chat.ResponseTrace;
import dev.spectron.core.chat.ResponseTraces;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.model.ModelMessage;
import dev.spectron.core.retrieval.Retrieval;
import dev.spectron.core.retrieval.TraceLog;
import dev.spectron.server.auth.Caller;
import dev.spectron.server.auth.Authenticator;
import dev.spectron.server.http.Json;
import dev.spectron.server.http.Millis;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /traces/{id}}: why a read returned what it did (a retrieval trace), or how a chat
 * answered (a response trace: the prompt sent, the model, tokens, step latencies and the retrieval
 * inside it). Both are kept in memory, the newest 10,000 of each per server.
 */
public final class TraceRoutes {
    private final TraceLog retrievals;
    private final ResponseTraces responses;
    private final Authenticator auth;

    public TraceRoutes(TraceLog retrievals, ResponseTraces responses, Authenticator auth) {
        this.retrievals = retrievals;
        this.responses = responses;
        this.auth = auth;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/{context}/traces/{trace}", this::trace);
    }

    private void trace(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        ContextId contextId = caller.contextId();
        String id = ctx.pathParam("trace");
        Map<String, Object> body = responses.find(contextId, id).map(TraceRoutes::response)
                .or(() -> retrievals.find(contextId, id).map(t -> retrieval(t.query(), t.retrieval(), t.createdAt())))
                .orElseThrow(() -> new NotFoundException("no trace '" + id + "' in this context (traces are kept in memory, newest first)"));
        ctx.contentType("application/json").result(Json.write(body));
    }

    private static Map<String, Object> response(ResponseTrace trace) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", trace.id());
        body.put("kind", "response");
        body.put("sessionId", trace.sessionId());
        body.put("userTurnId", trace.userTurnId());
        body.put("assistantTurnId", trace.assistantTurnId());
        body.put("model", trace.model());
        body.put("systemPrompt", trace.prompt().systemPrompt());
        body.put("messages", trace.prompt().messages().stream()
                .map(m -> Map.of("role", m.role().name().toLowerCase(Locale.ROOT), "content", m.text())).toList());
        Map<String, Integer> tokens = new LinkedHashMap<>();
        tokens.put("inputTokens", trace.usage().inputTokens());
        tokens.put("outputTokens", trace.usage().outputTokens());
        body.put("usage", tokens);
        body.put("stepsMs", trace.stepsMs());
        body.put("latencyMs", Millis.round(trace.stepsMs().values().stream().mapToDouble(Double::doubleValue).sum()));
        body.put("createdAt", trace.createdAt().toString());
        body.put("retrieval", retrieval(trace.prompt().messages().getLast().text(), trace.retrieval(), trace.createdAt()));
        return body;
    }

    private static Map<String, Object> retrieval(String query, Retrieval r, Instant createdAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", r.traceId());
        body.put("kind", "retrieval");
        body.put("queryText", query);
        body.put("resolutionTier", r.tier().wireName());
        body.put("tierReason", r.reason());
        body.put("cached", false);
        body.put("latencyMs", Millis.round(r.latencyMs()));
        body.put("createdAt", createdAt.toString());
        body.put("candidates", r.candidates());
        body.put("returned", r.hits().stream().map(h -> Map.of("id", h.doc().id(), "table", h.doc().kind().wireName(), "score", h.score(),
                "source", h.source())).toList());
        return body;
    }
}
