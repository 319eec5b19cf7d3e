package dev.spectron.core.chat;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.idempotency.IdempotentWrites;
import dev.spectron.core.idempotency.StoredResponse;
import dev.spectron.core.ingest.IngestedTurn;
import dev.spectron.core.ingest.PreparedTurn;
import dev.spectron.core.ingest.TurnIngestion;
import dev.spectron.core.port.SessionLocks;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.core.retrieval.Reembedder;
import dev.spectron.core.session.NewTurn;
import dev.spectron.core.session.Role;
import dev.spectron.core.session.ScopeSet;
import dev.spectron.core.session.Session;
import dev.spectron.core.session.SessionService;
import dev.spectron.core.session.Turn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code session.chat()} as one use case (DESIGN.md §7): under the session's lock, store the
 * user's turn (an idempotent step), retrieve memory and answer it, store the reply (a second
 * idempotent step, under the request's own key) and keep the trace.
 *
 * <p>When the model fails, the user turn stays stored and a retry with the same key reuses it
 * instead of storing it again; when the whole chat completed, a retry replays its response. Chats
 * on one session run one at a time, so each reply follows its own question in the transcript. Both
 * turns are stored without waiting for the embedding model: their vectors are computed in the
 * background once the chat is done (neither is searched within its own exchange), which keeps a
 * chat's overhead to the extraction, the writes and the retrieval.
 */
public final class ChatExchange {
    /** The user step's key suffix: a step's key is derived from the request's (see {@link IdempotentWrites#stepKey}). */
    static final String USER_STEP = "chat-user-turn";
    static final int USER_STEP_STATUS = 201;
    static final int RESPONSE_STATUS = 200;

    private final SessionService sessions;
    private final TurnIngestion turns;
    private final ChatService chat;
    private final IdempotentWrites writes;
    private final SessionLocks locks;
    private final Reembedder embedder;

    public ChatExchange(SessionService sessions, TurnIngestion turns, ChatService chat, IdempotentWrites writes, SessionLocks locks,
                        Reembedder embedder) {
        this.sessions = sessions;
        this.turns = turns;
        this.chat = chat;
        this.writes = writes;
        this.locks = locks;
        this.embedder = embedder;
    }

    /**
     * One chat, checked by the caller before anything is written.
     *
     * @param principal       who calls (idempotency keys are scoped to it)
     * @param idempotencyKey  the request's {@code Idempotency-Key}, already checked; empty for none
     * @param requestHash     what identifies the request under its key (a different hash is a 409)
     * @param sessionId       the session to chat in; null for a new one in {@code scopes}
     * @param onDelta         receives the reply as it streams; null for one blocking call
     */
    public record Request(ContextId contextId, String principal, Optional<String> idempotencyKey, String requestHash, String sessionId,
                          ScopeSet scopes, String message, ChatService.ResponseModel model, double confidenceFloor, int k, int budgetChars,
                          Consumer<String> onDelta, ChatRendering rendering) {
    }

    /** The user step as stored: the session (maybe created by it), the user's turn, and its stored form. */
    public record UserStep(String sessionId, Turn turn, String stored) {
    }

    /** What the caller sends: a response replayed from an earlier request with the same key, or this one's. */
    public sealed interface Outcome {
        StoredResponse response();
    }

    public record Replayed(StoredResponse response) implements Outcome {
    }

    public record Answered(StoredResponse response) implements Outcome {
    }

    /**
     * Runs the exchange.
     *
     * @throws ResponseModelFailure when the model fails; the user turn stays stored
     */
    public Outcome run(Request request) {
        Outcome[] outcome = new Outcome[1];
        Runnable work = () -> {
            Optional<StoredResponse> done = writes.lookup(request.contextId(), request.principal(), request.idempotencyKey(),
                    request.requestHash());
            if (done.isPresent()) {
                outcome[0] = new Replayed(done.get());
                return;
            }
            try {
                outcome[0] = new Answered(answer(request));
            } finally {
                // The turns' vectors wait for the chat: computed during it, they would take a core from its retrieval.
                embedder.embedSoon(request.contextId());
            }
        };
        if (request.sessionId() == null) {
            work.run(); // a new session: nothing else can be writing to it
        } else {
            locks.withLock(request.contextId().value(), request.sessionId(), work);
        }
        return outcome[0];
    }

    private StoredResponse answer(Request request) {
        Map<String, Double> steps = new LinkedHashMap<>();
        long start = System.nanoTime();
        chat.prepare(request.contextId(), request.message());
        UserStep user = storeUserTurn(request);
        steps.put("ingest_user", ChatService.millis(System.nanoTime() - start));
        Session session = sessions.get(request.contextId(), user.sessionId());

        ChatService.Answer answer = chat.answer(session, user.turn(), request.model(), request.k(), request.budgetChars(), request.onDelta());
        steps.putAll(answer.stepsMs());

        long storing = System.nanoTime();
        String[] assistantTurnId = new String[1];
        StoredResponse response = step(request, Optional.empty(),
                () -> prepare(session, Role.ASSISTANT, answer.reply().text()),
                (tx, prepared) -> {
                    IngestedTurn reply = turns.commit(tx, prepared, request.confidenceFloor());
                    assistantTurnId[0] = reply.turn().id();
                    return StoredResponse.of(RESPONSE_STATUS, request.rendering().response(user, answer, reply, request.model().id()));
                });
        steps.put("ingest_assistant", ChatService.millis(System.nanoTime() - storing));
        chat.record(session, user.turn(), assistantTurnId[0], answer, request.model().id(), steps);
        return response;
    }

    /** Step 1, once per key: the user's turn, in a session this request creates when it names none. */
    private UserStep storeUserTurn(Request request) {
        boolean newSession = request.sessionId() == null;
        StoredResponse stored = step(request, Optional.of(USER_STEP), () -> {
            Session target = newSession ? sessions.newSession(request.contextId(), request.scopes(), Map.of())
                    : turns.session(request.contextId(), request.sessionId());
            return prepare(target, Role.USER, request.message());
        }, (tx, prepared) -> {
            if (newSession) {
                sessions.insert(tx, prepared.session());
            }
            return StoredResponse.of(USER_STEP_STATUS, request.rendering().userStep(turns.commit(tx, prepared, request.confidenceFloor())));
        });
        return request.rendering().readUserStep(stored.body());
    }

    private PreparedTurn prepare(Session session, Role role, String text) {
        return turns.prepare(session, List.of(new NewTurn(role, text, null)), TurnIngestion.Vectors.AFTER_COMMIT).getFirst();
    }

    /**
     * One write of the exchange, done at most once per key and request: a retry gets the stored
     * outcome and skips {@code prepare} (extraction, a model call). An empty {@code step} is the
     * request's own key, whose stored response is what a finished chat replays.
     */
    private StoredResponse step(Request request, Optional<String> step, Supplier<PreparedTurn> prepare,
                                BiFunction<StoreTransaction, PreparedTurn, StoredResponse> work) {
        Optional<String> key = step.isEmpty() ? request.idempotencyKey()
                : request.idempotencyKey().map(k -> IdempotentWrites.stepKey(k, step.get()));
        return writes.lookup(request.contextId(), request.principal(), key, request.requestHash()).orElseGet(() -> {
            PreparedTurn prepared = prepare.get();
            return writes.execute(request.contextId(), request.principal(), key, request.requestHash(), tx -> work.apply(tx, prepared));
        });
    }
}
