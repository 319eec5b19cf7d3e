package dev.spectron.server.chat;

import dev.spectron.core.chat.ChatService;
import dev.spectron.core.chat.ResponseModelFailure;
import dev.spectron.core.chat.SessionLocks;
import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ContextService;
import dev.spectron.core.idempotency.StoredResponse;
import dev.spectron.core.ingest.IngestedTurn;
import dev.spectron.core.ingest.TurnIngestion;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.core.retrieval.ContextBlock;
import dev.spectron.core.retrieval.Reembedder;
import dev.spectron.core.retrieval.RetrievalRequest;
import dev.spectron.core.session.NewTurn;
import dev.spectron.core.session.Role;
import dev.spectron.core.session.ScopeSet;
import dev.spectron.core.session.Session;
import dev.spectron.core.session.SessionService;
import dev.spectron.server.auth.Authenticator;
import dev.spectron.server.auth.Caller;
import dev.spectron.server.http.IdempotentResponder;
import dev.spectron.server.http.Json;
import dev.spectron.server.http.JsonBody;
import dev.spectron.server.models.ContextModels;
import dev.spectron.server.problem.ProblemMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code session.chat()}: the seed's {@code POST /sessions/{id}/chat} and the newer
 * {@code POST /chat} (DESIGN.md §7). Store the user turn, answer it, store the reply, return both
 * with their combined diff — as JSON, or as server-sent events when asked.
 *
 * <p>The two stores are separate idempotent steps under the request's {@code Idempotency-Key}: when
 * the model fails, the user turn stays stored and a retry with the same key reuses it instead of
 * storing it again; when the whole chat completed, a retry replays its response. Chats on one
 * session run one at a time, so each reply follows its own question in the transcript. Both turns
 * are stored without waiting for the embedding model: their vectors are computed in the background
 * once the chat is done (neither is searched within its own exchange), which keeps a chat's
 * overhead to the extraction, the writes and the retrieval.
 */
public final class ChatRoutes {
    private static final String BASE = "/api/v1/{context}";
    private static final String USER_STEP = "chat-user-turn";

    private final ContextService contexts;
    private final TurnIngestion turns;
    private final SessionService sessions;
    private final ContextModels models;
    private final Reembedder embedder;
    private final ChatService chat;
    private final SessionLocks locks;
    private final Authenticator auth;
    private final IdempotentResponder responder;
    private final long maxBodyBytes;

    public ChatRoutes(ContextService contexts, TurnIngestion turns, SessionService sessions, ContextModels models, Reembedder embedder,
                      ChatService chat, SessionLocks locks, Authenticator auth, IdempotentResponder responder, long maxBodyBytes) {
        this.contexts = contexts;
        this.turns = turns;
        this.sessions = sessions;
        this.models = models;
        this.embedder = embedder;
        this.chat = chat;
        this.locks = locks;
        this.auth = auth;
        this.responder = responder;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void register(RoutesConfig routes) {
        routes.post(BASE + "/sessions/{session}/chat", ctx -> {
            Caller caller = auth.dataPlane(ctx);
            JsonBody body = JsonBody.of(ctx, maxBodyBytes);
            run(ctx, caller, body, ChatCall.read(ctx, body, ctx.pathParam("session"), null, "memory_updates"));
        });
        routes.post(BASE + "/chat", ctx -> {
            Caller caller = auth.dataPlane(ctx);
            JsonBody body = JsonBody.of(ctx, maxBodyBytes);
            ScopeSet scopes = ScopeSet.parse(body.field("scopes", "scope").map(Json::toPlain).orElse(null));
            run(ctx, caller, body, ChatCall.read(ctx, body, body.optionalText("sessionId", "session_id").orElse(null), scopes,
                    "memoryUpdates"));
        });
    }

    /** One chat request, read and checked before anything is written. */
    private record ChatCall(String message, String sessionId, ScopeSet scopes, String model, int k, int budgetChars, boolean stream,
                            String diffField) {
        static ChatCall read(Context ctx, JsonBody body, String sessionId, ScopeSet scopes, String diffField) {
            String message = body.requiredText("message", "content");
            // Checked before anything is stored: retrieval comes after the user turn.
            int k = RetrievalRequest.checkedK(body.optionalLong("k", "limit").map(Long::intValue).orElse(RetrievalRequest.DEFAULT_K));
            int budget = body.optionalLong("budgetChars", "budget_chars").map(Long::intValue).orElse(ContextBlock.DEFAULT_BUDGET_CHARS);
            String accept = Optional.ofNullable(ctx.header("Accept")).orElse("");
            boolean stream = body.optionalBoolean("stream").orElse(false) || accept.contains("text/event-stream");
            return new ChatCall(message, sessionId, scopes, body.optionalText("model").orElse(null), k, budget, stream, diffField);
        }
    }

    private void run(Context ctx, Caller caller, JsonBody body, ChatCall call) {
        ContextConfig config = contexts.get(caller.contextId()).config();
        ContextModels.Resolved model = models.response(config, call.model());
        Runnable work = () -> {
            Optional<StoredResponse> done = responder.replay(ctx, caller, body.raw());
            if (done.isPresent()) {
                replay(ctx, call, done.get());
                return;
            }
            try {
                chat(ctx, caller, body, call, config.confidenceFloor(), model);
            } finally {
                // The turns' vectors wait for the chat: computed during it, they would take a core from its retrieval.
                embedder.embedSoon(caller.contextId());
            }
        };
        if (call.sessionId() == null) {
            work.run(); // a new session: nothing else can be writing to it
        } else {
            locks.withLock(caller.contextId().value(), call.sessionId(), work);
        }
    }

    private void chat(Context ctx, Caller caller, JsonBody body, ChatCall call, double floor, ContextModels.Resolved model) {
        Map<String, Double> steps = new LinkedHashMap<>();
        long start = System.nanoTime();
        chat.prepare(caller.contextId(), call.message());
        UserStep user = storeUserTurn(ctx, caller, body, call, floor);
        steps.put("ingest_user", ChatService.millis(System.nanoTime() - start));
        Session session = sessions.get(caller.contextId(), user.sessionId());

        SseStream sse = call.stream() ? new SseStream(ctx) : null;
        ChatService.Answer answer;
        try {
            answer = chat.answer(session, user.turn(), new ChatService.ResponseModel(model.model(), model.id()), call.k(), call.budgetChars(),
                    sse == null ? null : sse::delta);
        } catch (ResponseModelFailure failure) {
            if (sse == null || !sse.started()) {
                throw failure;
            }
            sse.error(ProblemMapper.forModelFailure(failure, ctx));
            return;
        }
        steps.putAll(answer.stepsMs());

        long storing = System.nanoTime();
        String[] assistantTurnId = new String[1];
        StoredResponse response = storeReply(ctx, caller, body, session, floor, answer, (tx, reply) -> {
            assistantTurnId[0] = reply.turn().id();
            return StoredResponse.of(200, Json.write(ChatJson.response(call.diffField(), answer, model.id(), user, reply)));
        });
        steps.put("ingest_assistant", ChatService.millis(System.nanoTime() - storing));
        chat.record(session, user.turn(), assistantTurnId[0], answer, model.id(), steps);
        if (sse == null) {
            IdempotentResponder.send(ctx, response);
        } else {
            sse.done(response.body());
        }
    }

    /** Step 1, once per key: the user's turn, in a session this request creates when it names none. */
    private UserStep storeUserTurn(Context ctx, Caller caller, JsonBody body, ChatCall call, double floor) {
        boolean newSession = call.sessionId() == null;
        StoredResponse stored = responder.execute(ctx, caller, body.raw(), USER_STEP, () -> {
            Session target = newSession ? sessions.newSession(caller.contextId(), call.scopes(), Map.of())
                    : turns.session(caller.contextId(), call.sessionId());
            return turns.prepare(target, List.of(new NewTurn(Role.USER, call.message(), null)), TurnIngestion.Vectors.AFTER_COMMIT).getFirst();
        }, (tx, prepared) -> {
            if (newSession) {
                sessions.insert(tx, prepared.session());
            }
            return StoredResponse.of(201, Json.write(UserStep.from(turns.commit(tx, prepared, floor))));
        });
        return UserStep.read(stored.body());
    }

    /** Step 4, under the request's own key: the reply as an assistant turn, and the response to keep for replays. */
    private StoredResponse storeReply(Context ctx, Caller caller, JsonBody body, Session session, double floor, ChatService.Answer answer,
                                      BiFunction<StoreTransaction, IngestedTurn, StoredResponse> respond) {
        StoredResponse response = responder.execute(ctx, caller, body.raw(), null,
                () -> turns.prepare(session, List.of(new NewTurn(Role.ASSISTANT, answer.reply().text(), null)),
                        TurnIngestion.Vectors.AFTER_COMMIT).getFirst(),
                (tx, prepared) -> respond.apply(tx, turns.commit(tx, prepared, floor)));
        return response;
    }

    /** A finished chat asked again with the same key: its stored response, streamed when asked. */
    private static void replay(Context ctx, ChatCall call, StoredResponse done) {
        if (!call.stream()) {
            IdempotentResponder.send(ctx, done);
            return;
        }
        ctx.header(IdempotentResponder.REPLAYED_HEADER, "true");
        SseStream sse = new SseStream(ctx);
        sse.delta(Json.parseStored(done.body()).path("reply").asText());
        sse.done(done.body());
    }
}
