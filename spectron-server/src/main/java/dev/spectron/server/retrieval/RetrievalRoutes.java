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
import dev.spectron.server.http.WireRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

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
        var request = WireRequest.read(JsonBody.of(ctx, maxBodyBytes), RetrievalWire.QueryRequest.class);
        Retrieval retrieval = assembler.query(retrievalRequest(caller, request));
        double latency = Millis.round(retrieval.latencyMs());
        send(ctx, new RetrievalWire.QueryResponse(retrieval.tier().wireName(), retrieval.classificationKind(),
                retrieval.seedEntities().stream().map(e -> e.path()).toList(), retrieval.hits().stream().map(HitJson::from).toList(),
                latency, new RetrievalWire.Trace(retrieval.traceId(), retrieval.tier().wireName(), latency)));
    }

    private void context(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        var request = WireRequest.read(JsonBody.of(ctx, maxBodyBytes), RetrievalWire.ContextRequest.class);
        send(ctx, contextBody(assembler.forLens(retrievalRequest(caller, request.asQuery()), budget(request.budgetChars()))));
    }

    private void sessionContext(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        var body = "GET".equals(ctx.method().name()) ? null
                : WireRequest.read(JsonBody.of(ctx, maxBodyBytes), RetrievalWire.SessionContextRequest.class);
        String query = body == null ? ctx.queryParam("query") : body.query();
        if (query == null || query.isBlank()) {
            throw new dev.spectron.core.InvalidInputException("query", "query is required: ?query= on GET, a query field on POST");
        }
        int k = body == null ? QueryParams.intParam(ctx, RetrievalRequest.DEFAULT_K, "k", "limit") : k(body.k());
        send(ctx, contextBody(assembler.forSession(caller.contextId(), ctx.pathParam("session"), query, k,
                body == null ? ContextBlock.DEFAULT_BUDGET_CHARS : budget(body.budgetChars()))));
    }

    private static RetrievalWire.ContextResponse contextBody(ContextAssembler.Assembled assembled) {
        return new RetrievalWire.ContextResponse(assembled.context(), assembled.retrieval().tier().wireName(),
                Millis.round(assembled.retrieval().latencyMs()), assembled.retrieval().traceId(),
                assembled.citations().stream().map(CitationJson::from).toList());
    }

    private static RetrievalRequest retrievalRequest(Caller caller, RetrievalWire.QueryRequest request) {
        ScopeSet lens = request.lens() == null ? null : ScopeSet.parse(request.lens());
        return new RetrievalRequest(caller.contextId(), request.query(), k(request.k()), lens,
                request.asOf() == null ? null : Timestamps.parse("asOf", request.asOf()), RetrievalRequest.Mode.parse(request.mode()));
    }

    private static int k(Long k) {
        return k == null ? RetrievalRequest.DEFAULT_K : RetrievalRequest.checkedK(k);
    }

    private static int budget(Long budgetChars) {
        return budgetChars == null ? ContextBlock.DEFAULT_BUDGET_CHARS : ContextBlock.checkedBudget(budgetChars);
    }

    private static void send(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.write(body));
    }
}
