package dev.spectron.server.session;

import dev.spectron.core.context.ContextService;
import dev.spectron.core.idempotency.StoredResponse;
import dev.spectron.core.ingest.IngestedTurn;
import dev.spectron.core.ingest.TurnIngestion;
import dev.spectron.core.session.NewTurn;
import dev.spectron.core.session.Role;
import dev.spectron.core.session.ScopeSet;
import dev.spectron.core.session.Session;
import dev.spectron.core.session.SessionService;
import dev.spectron.core.session.Turn;
import dev.spectron.server.auth.Authenticator;
import dev.spectron.server.auth.Caller;
import dev.spectron.server.http.IdempotentResponder;
import dev.spectron.server.http.Json;
import dev.spectron.server.http.JsonBody;
import dev.spectron.server.http.QueryParams;
import dev.spectron.server.http.Timestamps;
import dev.spectron.server.http.WireRequest;
import dev.spectron.server.memory.DiffJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** Sessions and their turns: {@code /api/v1/{context}/sessions...}. */
public final class SessionRoutes {
    private static final String SESSIONS = "/api/v1/{context}/sessions";
    private static final String SESSION = SESSIONS + "/{session}";

    private final SessionService sessions;
    private final TurnIngestion ingestion;
    private final ContextService contexts;
    private final Authenticator auth;
    private final IdempotentResponder responder;
    private final long maxBodyBytes;

    public SessionRoutes(SessionService sessions, TurnIngestion ingestion, ContextService contexts, Authenticator auth,
                         IdempotentResponder responder, long maxBodyBytes) {
        this.sessions = sessions;
        this.ingestion = ingestion;
        this.contexts = contexts;
        this.auth = auth;
        this.responder = responder;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void register(RoutesConfig routes) {
        routes.post(SESSIONS, this::create);
        routes.get(SESSIONS, this::list);
        routes.get(SESSION, this::get);
        routes.delete(SESSION, this::delete);
        routes.get(SESSION + "/turns", this::listTurns);
        routes.post(SESSION + "/turns", this::appendTurn);
    }

    private void create(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        JsonBody body = JsonBody.ofOptional(ctx, maxBodyBytes);
        var request = WireRequest.read(body, SessionWire.CreateRequest.class);
        ScopeSet scopes = ScopeSet.parse(request.scopes());
        Map<String, Object> metadata = request.metadata() == null ? Map.of() : request.metadata();
        responder.respond(ctx, caller, body.raw(), tx -> {
            Session session = sessions.create(tx, caller.contextId(), scopes, metadata);
            return StoredResponse.of(201, Json.write(SessionJson.from(session)));
        });
    }

    private void list(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        int limit = QueryParams.intParam(ctx, SessionService.DEFAULT_PAGE, "limit");
        int offset = QueryParams.intParam(ctx, 0, "offset");
        List<Session> page = sessions.list(caller.contextId(), limit, offset);
        ctx.contentType("application/json").result(Json.write(new SessionWire.SessionList(page.stream().map(SessionJson::from).toList())));
    }

    private void get(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        Session session = sessions.get(caller.contextId(), ctx.pathParam("session"));
        ctx.contentType("application/json").result(Json.write(SessionJson.from(session)));
    }

    private void delete(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        sessions.delete(caller.contextId(), ctx.pathParam("session"));
        ctx.status(204);
    }

    private void listTurns(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        int limit = QueryParams.intParam(ctx, SessionService.DEFAULT_PAGE, "limit");
        int offset = QueryParams.intParam(ctx, 0, "offset");
        List<Turn> turns = sessions.turns(caller.contextId(), ctx.pathParam("session"), limit, offset);
        ctx.contentType("application/json").result(Json.write(new SessionWire.TurnList(turns.stream().map(TurnJson::from).toList())));
    }

    private void appendTurn(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        JsonBody body = JsonBody.of(ctx, maxBodyBytes);
        var request = WireRequest.read(body, SessionWire.TurnRequest.class);
        NewTurn turn = new NewTurn(Role.parse(request.role()), request.content(),
                request.ts() == null ? null : Timestamps.parse("ts", request.ts()));
        String sessionId = ctx.pathParam("session");
        double floor = contexts.get(caller.contextId()).config().confidenceFloor();
        responder.respond(ctx, caller, body.raw(), () -> ingestion.prepare(caller.contextId(), sessionId, turn), (tx, prepared) -> {
            IngestedTurn ingested = ingestion.commit(tx, prepared, floor);
            return StoredResponse.of(201, Json.write(DiffJson.from(ingested.turn().id(), TurnJson.from(ingested.turn()), ingested.diff())));
        });
    }
}
