package dev.spectron.server.session;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spectron.core.NotFoundException;
import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ContextService;
import dev.spectron.core.context.ExtractionMode;
import dev.spectron.core.ingest.ExtractionJob;
import dev.spectron.core.ingest.ExtractionQueue;
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
    /** {@code ?extraction=sync|async} on {@code POST .../turns}: overrides {@code config.extraction.mode}. */
    private static final String EXTRACTION_PARAM = "extraction";

    private final SessionService sessions;
    private final TurnIngestion ingestion;
    private final ContextService contexts;
    private final Authenticator auth;
    private final IdempotentResponder responder;
    private final long maxBodyBytes;
    private final ExtractionQueue queue;

    public SessionRoutes(SessionService sessions, TurnIngestion ingestion, ExtractionQueue queue, ContextService contexts, Authenticator auth,
                         IdempotentResponder responder, long maxBodyBytes) {
        this.sessions = sessions;
        this.ingestion = ingestion;
        this.queue = queue;
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
        routes.get(SESSION + "/turns/{turn}/extraction", this::extraction);
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
        ContextConfig config = contexts.get(caller.contextId()).config();
        String asked = ctx.queryParam(EXTRACTION_PARAM);
        ExtractionMode mode = asked == null ? config.extractionMode() : ExtractionMode.parse(EXTRACTION_PARAM, asked);
        if (mode == ExtractionMode.ASYNC) {
            responder.respond(ctx, caller, body.raw(), () -> ingestion.prepareDeferred(caller.contextId(), sessionId, turn), (tx, prepared) -> {
                Turn stored = ingestion.commitDeferred(tx, prepared);
                return StoredResponse.of(201, Json.write(DiffJson.pending(stored.id(), TurnJson.from(stored))));
            });
            queue.wake();
            return;
        }
        double floor = config.confidenceFloor();
        responder.respond(ctx, caller, body.raw(), () -> ingestion.prepare(caller.contextId(), sessionId, turn), (tx, prepared) -> {
            IngestedTurn ingested = ingestion.commit(tx, prepared, floor);
            return StoredResponse.of(201, Json.write(DiffJson.from(ingested.turn().id(), TurnJson.from(ingested.turn()), ingested.diff())));
        });
    }

    /**
     * An asynchronous turn's extraction: {@code status} pending, ok or failed, with the diff fields
     * of a synchronous turn's response once it ran.
     */
    private void extraction(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        String sessionId = ctx.pathParam("session");
        String turnId = ctx.pathParam("turn");
        sessions.get(caller.contextId(), sessionId);
        ExtractionJob job = ingestion.extractionJob(caller.contextId(), turnId)
                .filter(found -> found.sessionId().equals(sessionId))
                .orElseThrow(() -> new NotFoundException("turn '" + turnId + "' of session '" + sessionId
                        + "' has no asynchronous extraction: it does not exist, or it was extracted when it was stored, its diff in that response"));
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("status", job.state().wireName());
        if (job.state() == ExtractionJob.State.PENDING) {
            answer.put("turnId", job.turnId()).set("extraction", JsonNodeFactory.instance.objectNode().put("status", "pending"));
        } else {
            answer.setAll((ObjectNode) Json.parseStored(job.result()));
        }
        ctx.contentType("application/json").result(Json.write(answer));
    }
}
