package dev.spectron.server.retrieval;

import dev.spectron.core.retrieval.ContextAssembler;
import dev.spectron.core.retrieval.ContextBlock;
import dev.spectron.core.retrieval.Retrieval;
import dev.spectron.core.retrieval.RetrievalRequest;
import dev.spectron.core.session.ScopeSet;
import dev.spectron.server.auth.Authenticator;
import dev.spectron.server.auth.Caller;
import dev.spectron.server.http.Json;
import dev.spectron.server.http.Millis;
import dev.spectron.server.http.JsonBody;
import dev.spectron.server.http.QueryParams;
import dev.spectron.server.http.Timestamps;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads: {@code POST /query} (ranked hits), {@code POST /context} and
 * {@code POST|GET /sessions/{id}/context} (the context block, the seed's {@code session.context()}).
 */
public final class RetrievalRoutes {
    private static final String BASE = "/api/v1/{context}";

    private final ContextAssembler assembler;
    private final Authenticator auth;
    private final long maxBodyBytes;

    public RetrievalRoutes(ContextAssembler assembler, Authenticator auth, long maxBodyBytes) {
        this.assembler = assembler;
        this.auth = auth;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void register(RoutesConfig routes) {
        routes.post(BASE + "/query", this::query);
        routes.post(BASE + "/context", this::context);
        routes.post(BASE + "/sessions/{session}/context", this::sessionContext);
        routes.get(BASE + "/sessions/{session}/context", this::sessionContext);
    }

    private void query(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        Retrieval retrieval = assembler.query(request(caller, JsonBody.of(ctx, maxBodyBytes)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tier", retrieval.tier().wireName());
        body.put("classificationKind", retrieval.classificationKind());
        body.put("seedEntities", retrieval.seedEntities().stream().map(e -> e.path()).toList());
        body.put("hits", retrieval.hits().stream().map(HitJson::from).toList());
        body.put("queryMs", Millis.round(retrieval.latencyMs()));
        body.put("trace", Map.of("traceId", retrieval.traceId(), "resolutionTier", retrieval.tier().wireName(), "latencyMs", Millis.round(retrieval.latencyMs())));
        send(ctx, body);
    }

    private void context(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        JsonBody body = JsonBody.of(ctx, maxBodyBytes);
        send(ctx, contextBody(assembler.forLens(request(caller, body), budget(body))));
    }

    private void sessionContext(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        JsonBody body = "GET".equals(ctx.method().name()) ? null : JsonBody.of(ctx, maxBodyBytes);
        String query = body == null ? ctx.queryParam("query") : body.requiredText("query");
        if (query == null || query.isBlank()) {
            throw new dev.spectron.core.InvalidInputException("query", "query is required: ?query= on GET, a query field on POST");
        }
        int k = body == null ? QueryParams.intParam(ctx, RetrievalRequest.DEFAULT_K, "k", "limit") : k(body);
        send(ctx, contextBody(assembler.forSession(caller.contextId(), ctx.pathParam("session"), query, k,
                body == null ? ContextBlock.DEFAULT_BUDGET_CHARS : budget(body))));
    }

    private static Map<String, Object> contextBody(ContextAssembler.Assembled assembled) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("context", assembled.context());
        body.put("tier", assembled.retrieval().tier().wireName());
        body.put("queryMs", Millis.round(assembled.retrieval().latencyMs()));
        body.put("traceId", assembled.retrieval().traceId());
        body.put("citations", assembled.citations().stream().map(CitationJson::from).toList());
        return body;
    }

    private static RetrievalRequest request(Caller caller, JsonBody body) {
        ScopeSet lens = body.field("lens", "scopes", "scope").map(Json::toPlain).map(ScopeSet::parse).orElse(null);
        return new RetrievalRequest(caller.contextId(), body.requiredText("query"), k(body), lens,
                body.optionalText("asOf", "as_of").map(raw -> Timestamps.parse("asOf", raw)).orElse(null),
                RetrievalRequest.Mode.parse(body.optionalText("mode").orElse(null)));
    }

    private static int k(JsonBody body) {
        return body.optionalLong("k", "limit").map(Long::intValue).orElse(RetrievalRequest.DEFAULT_K);
    }

    private static int budget(JsonBody body) {
        return body.optionalLong("budgetChars", "budget_chars").map(Long::intValue).orElse(ContextBlock.DEFAULT_BUDGET_CHARS);
    }

    private static void send(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.write(body));
    }
}
