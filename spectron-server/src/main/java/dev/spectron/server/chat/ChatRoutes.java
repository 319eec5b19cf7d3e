package dev.spectron.server.chat;

import dev.spectron.core.chat.ChatExchange;
import dev.spectron.core.chat.ChatService;
import dev.spectron.core.chat.ResponseModelFailure;
import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ContextService;
import dev.spectron.core.idempotency.StoredResponse;
import dev.spectron.core.retrieval.ContextBlock;
import dev.spectron.core.retrieval.RetrievalRequest;
import dev.spectron.core.session.ScopeSet;
import dev.spectron.server.auth.Authenticator;
import dev.spectron.server.auth.Caller;
import dev.spectron.server.http.IdempotentResponder;
import dev.spectron.server.http.Json;
import dev.spectron.server.http.JsonBody;
import dev.spectron.server.http.WireRequest;
import dev.spectron.server.models.ContextModels;
import dev.spectron.server.problem.ProblemMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code session.chat()} over HTTP: the seed's {@code POST /sessions/{id}/chat} and the newer
 * {@code POST /chat} (DESIGN.md §7). Reads and checks the request, hands it to
 * {@link ChatExchange} (which stores, answers and traces), and renders the outcome as JSON or, when
 * asked, as server-sent events.
 */
public final class ChatRoutes {
    private static final String BASE = "/api/v1/{context}";
    private static final ChatJson SEED_SHAPE = new ChatJson(true);
    private static final ChatJson CHAT_SHAPE = new ChatJson(false);

    private final ContextService contexts;
    private final ContextModels models;
    private final ChatExchange exchange;
    private final Authenticator auth;
    private final long maxBodyBytes;

    public ChatRoutes(ContextService contexts, ContextModels models, ChatExchange exchange, Authenticator auth, long maxBodyBytes) {
        this.contexts = contexts;
        this.models = models;
        this.exchange = exchange;
        this.auth = auth;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void register(RoutesConfig routes) {
        routes.post(BASE + "/sessions/{session}/chat", ctx -> {
            Caller caller = auth.dataPlane(ctx);
            JsonBody body = JsonBody.of(ctx, maxBodyBytes);
            var request = WireRequest.read(body, ChatWire.SessionChatRequest.class);
            run(ctx, caller, body, ChatCall.read(ctx, request, ctx.pathParam("session"), null, SEED_SHAPE));
        });
        routes.post(BASE + "/chat", ctx -> {
            Caller caller = auth.dataPlane(ctx);
            JsonBody body = JsonBody.of(ctx, maxBodyBytes);
            var request = WireRequest.read(body, ChatWire.ChatRequest.class);
            ScopeSet scopes = ScopeSet.parse(request.scopes());
            run(ctx, caller, body, ChatCall.read(ctx, request.chat(), request.sessionId(), scopes, CHAT_SHAPE));
        });
    }

    /** One chat request, read and checked before anything is written. */
    private record ChatCall(String message, String sessionId, ScopeSet scopes, String model, int k, int budgetChars, boolean stream,
                            ChatJson shape) {
        static ChatCall read(Context ctx, ChatWire.SessionChatRequest request, String sessionId, ScopeSet scopes, ChatJson shape) {
            // Checked before anything is stored: retrieval comes after the user turn.
            int k = RetrievalRequest.checkedK(request.k() == null ? RetrievalRequest.DEFAULT_K : request.k());
            int budget = ContextBlock.checkedBudget(request.budgetChars() == null ? ContextBlock.DEFAULT_BUDGET_CHARS : request.budgetChars());
            String accept = Optional.ofNullable(ctx.header("Accept")).orElse("");
            boolean stream = Boolean.TRUE.equals(request.stream()) || accept.contains("text/event-stream");
            return new ChatCall(request.message(), sessionId, scopes, request.model(), k, budget, stream, shape);
        }
    }

    private void run(Context ctx, Caller caller, JsonBody body, ChatCall call) {
        ContextConfig config = contexts.get(caller.contextId()).config();
        ContextModels.Resolved model = models.response(config, call.model());
        SseStream sse = call.stream() ? new SseStream(ctx) : null;
        var request = new ChatExchange.Request(caller.contextId(), caller.principal(), IdempotentResponder.key(ctx),
                IdempotentResponder.requestHash(ctx, body.raw()), call.sessionId(), call.scopes(), call.message(),
                new ChatService.ResponseModel(model.model(), model.id()), config.confidenceFloor(), call.k(), call.budgetChars(),
                sse == null ? null : sse::delta, call.shape());
        ChatExchange.Outcome outcome;
        try {
            outcome = exchange.run(request);
        } catch (ResponseModelFailure failure) {
            if (sse == null || !sse.started()) {
                throw failure;
            }
            sse.error(ProblemMapper.forModelFailure(failure, ctx));
            return;
        }
        switch (outcome) {
            case ChatExchange.Replayed replayed -> replay(ctx, sse, replayed.response());
            case ChatExchange.Answered answered -> {
                if (sse == null) {
                    IdempotentResponder.send(ctx, answered.response());
                } else {
                    sse.done(answered.response().body());
                }
            }
        }
    }

    /** A finished chat asked again with the same key: its stored response, streamed when asked. */
    private static void replay(Context ctx, SseStream sse, StoredResponse done) {
        if (sse == null) {
            IdempotentResponder.send(ctx, done);
            return;
        }
        ctx.header(IdempotentResponder.REPLAYED_HEADER, "true");
        sse.delta(Json.parseStored(done.body()).path("reply").asText());
        sse.done(done.body());
    }
}
