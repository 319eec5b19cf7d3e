package dev.spectron.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spectron.core.ConflictException;
import dev.spectron.core.chat.ChatExchange;
import dev.spectron.core.chat.ChatService;
import dev.spectron.core.chat.ResponseModelFailure;
import dev.spectron.core.chat.ResponseTrace;
import dev.spectron.core.chat.ResponseTraces;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.context.ContextService;
import dev.spectron.core.embedding.Embedder;
import dev.spectron.core.embedding.EmbedderId;
import dev.spectron.core.extraction.heuristics.HeuristicStage;
import dev.spectron.core.idempotency.IdempotentWrites;
import dev.spectron.core.ingest.TurnIngestion;
import dev.spectron.core.model.FinishReason;
import dev.spectron.core.model.JsonSchemaSpec;
import dev.spectron.core.model.LanguageModel;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelReply;
import dev.spectron.core.model.ModelRequest;
import dev.spectron.core.model.TokenUsage;
import dev.spectron.core.reconcile.Reconciler;
import dev.spectron.core.retrieval.ContextAssembler;
import dev.spectron.core.retrieval.EmbedderProvider;
import dev.spectron.core.retrieval.Indexer;
import dev.spectron.core.retrieval.Reembedder;
import dev.spectron.core.retrieval.Retriever;
import dev.spectron.core.retrieval.TextCache;
import dev.spectron.core.retrieval.TraceLog;
import dev.spectron.core.retrieval.VectorCache;
import dev.spectron.core.session.Role;
import dev.spectron.core.session.ScopeSet;
import dev.spectron.core.session.SessionService;
import dev.spectron.core.session.Turn;
import dev.spectron.core.trace.TraceWriter;
import dev.spectron.server.trace.TraceDocuments;
import dev.spectron.store.sqlite.SqliteMemoryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ChatExchange}'s five steps without HTTP: lock, idempotent user step, retrieve, answer,
 * idempotent reply step, trace. A real SQLite store in a temp directory (core has no in-memory
 * store yet), a hand-written model that counts its calls, a hashing embedder.
 */
class ChatExchangeTest {
    private static final ContextId CONTEXT = new ContextId("chat-test");
    private static final String PRINCIPAL = "key_test";

    @TempDir
    Path dir;
    private SqliteMemoryStore store;
    private SessionService sessions;
    private TraceWriter traceWriter;
    /** Response traces as the writer renders them (when first read or written), by id. */
    private final Map<String, ResponseTrace> rendered = new ConcurrentHashMap<>();
    private Reembedder reembedder;
    private ChatExchange exchange;
    private final CountingModel model = new CountingModel();

    @BeforeEach
    void wire() {
        Clock clock = Clock.tickMillis(ZoneOffset.UTC);
        store = SqliteMemoryStore.open(dir.resolve("spectron.db"));
        new ContextService(store, clock, config -> { }).create(CONTEXT, "", Map.of());
        sessions = new SessionService(store, clock);
        EmbedderProvider embedders = contextId -> HashingEmbedder.INSTANCE;
        TurnIngestion turns = new TurnIngestion(store, sessions, new Reconciler(clock), contextId -> new HeuristicStage(),
                new Indexer(embedders, clock), clock);
        Retriever retriever = new Retriever(store, new VectorCache(store), new TextCache(store), embedders, clock);
        traceWriter = TraceWriter.start(store, clock, TraceWriter.Settings.defaults());
        TraceDocuments documents = new TraceDocuments();
        ResponseTraces traces = new ResponseTraces(traceWriter, trace -> {
            rendered.put(trace.id(), trace);
            return documents.render(trace);
        });
        ChatService chat = new ChatService(store, new ContextAssembler(store, sessions, retriever, new TraceLog(traceWriter, documents), clock),
                traces, clock);
        reembedder = new Reembedder(store, embedders, clock);
        exchange = new ChatExchange(sessions, turns, chat, new IdempotentWrites(store, clock), store.sessionLocks(), reembedder);
    }

    @AfterEach
    void close() {
        reembedder.close(Duration.ofSeconds(10));
        traceWriter.close(Duration.ofSeconds(10));
        store.close();
    }

    @Test
    void answers_and_stores_the_user_turn_then_the_reply_and_keeps_a_trace() {
        // given
        String session = newSession();

        // when
        ChatExchange.Outcome outcome = exchange.run(request(session, "My name is Alice. What is my name?", Optional.empty(), "h1", null));

        // then
        assertThat(outcome).isInstanceOf(ChatExchange.Answered.class);
        assertThat(outcome.response().status()).isEqualTo(200);
        assertThat(outcome.response().replayed()).isFalse();
        assertThat(model.calls).isEqualTo(1);
        List<Turn> transcript = sessions.turns(CONTEXT, session, 10, 0);
        assertThat(transcript).extracting(Turn::role).containsExactly(Role.USER, Role.ASSISTANT);
        assertThat(transcript.get(1).content()).isEqualTo(CountingModel.REPLY);
        String traceId = dev.spectron.server.http.Json.parseStored(outcome.response().body()).path("traceId").asText();
        assertThat(traceWriter.find(CONTEXT, traceId)).isPresent();
        assertThat(Optional.ofNullable(rendered.get(traceId))).hasValueSatisfying(trace -> {
            assertThat(trace.stepsMs()).containsOnlyKeys("ingest_user", "retrieve", "model", "ingest_assistant");
            assertThat(trace.assistantTurnId()).isEqualTo(transcript.get(1).id());
        });
    }

    @Test
    void a_retry_with_the_same_key_replays_the_response_without_calling_the_model() {
        // given
        String session = newSession();
        ChatExchange.Outcome first = exchange.run(request(session, "I live in Paris.", Optional.of("k1"), "h1", null));

        // when
        ChatExchange.Outcome again = exchange.run(request(session, "I live in Paris.", Optional.of("k1"), "h1", null));

        // then
        assertThat(again).isInstanceOf(ChatExchange.Replayed.class);
        assertThat(again.response().body()).isEqualTo(first.response().body());
        assertThat(model.calls).isEqualTo(1);
        assertThat(sessions.turns(CONTEXT, session, 10, 0)).hasSize(2);
    }

    @Test
    void the_same_key_with_another_request_is_a_conflict() {
        String session = newSession();
        exchange.run(request(session, "I live in Paris.", Optional.of("k1"), "h1", null));

        assertThatThrownBy(() -> exchange.run(request(session, "I live in Rome.", Optional.of("k1"), "h2", null)))
                .isInstanceOf(ConflictException.class);
        assertThat(model.calls).isEqualTo(1);
    }

    @Test
    void a_model_failure_keeps_the_user_turn_and_a_retry_with_the_key_does_not_store_it_twice() {
        // given
        String session = newSession();
        model.failNext = true;

        // when
        assertThatThrownBy(() -> exchange.run(request(session, "What is new?", Optional.of("k1"), "h1", null)))
                .isInstanceOf(ResponseModelFailure.class);
        List<Turn> afterFailure = sessions.turns(CONTEXT, session, 10, 0);
        ChatExchange.Outcome retried = exchange.run(request(session, "What is new?", Optional.of("k1"), "h1", null));

        // then
        assertThat(afterFailure).extracting(Turn::role).containsExactly(Role.USER);
        assertThat(retried).isInstanceOf(ChatExchange.Answered.class);
        assertThat(sessions.turns(CONTEXT, session, 10, 0)).extracting(Turn::role).containsExactly(Role.USER, Role.ASSISTANT);
        assertThat(sessions.turns(CONTEXT, session, 10, 0).getFirst().id()).isEqualTo(afterFailure.getFirst().id());
        assertThat(model.calls).isEqualTo(2);
    }

    @Test
    void streams_the_reply_to_the_delta_sink() {
        String session = newSession();
        List<String> deltas = new ArrayList<>();

        exchange.run(request(session, "Hello?", Optional.empty(), "h1", deltas::add));

        assertThat(String.join("", deltas)).isEqualTo(CountingModel.REPLY);
        assertThat(model.streamed).isEqualTo(1);
    }

    @Test
    void without_a_session_it_opens_one_in_the_given_scopes() {
        ChatExchange.Outcome outcome = exchange.run(request(null, "Hello, I am Erin.", Optional.empty(), "h1", null));

        String session = dev.spectron.server.http.Json.parseStored(outcome.response().body()).path("sessionId").asText();
        assertThat(sessions.get(CONTEXT, session).scopes()).isEqualTo(ScopeSet.parse("user/erin"));
        assertThat(sessions.turns(CONTEXT, session, 10, 0)).hasSize(2);
    }

    private String newSession() {
        return store.write(tx -> sessions.create(tx, CONTEXT, ScopeSet.NONE, Map.of())).id();
    }

    private ChatExchange.Request request(String session, String message, Optional<String> key, String hash, Consumer<String> onDelta) {
        return new ChatExchange.Request(CONTEXT, PRINCIPAL, key, hash, session, ScopeSet.parse("user/erin"), message,
                new ChatService.ResponseModel(model, "fake/counting"), 0.7, 5, 2000, onDelta, new ChatJson(false));
    }

    /** Answers every prompt with the same text, counting calls; can be told to fail once. */
    private static final class CountingModel implements LanguageModel {
        static final String REPLY = "Here is what I know.";
        int calls;
        int streamed;
        boolean failNext;

        @Override
        public ModelReply complete(ModelRequest request) {
            calls++;
            if (failNext) {
                failNext = false;
                throw new ModelException(ModelException.Kind.UNAVAILABLE, "fake", "the fake model is down");
            }
            return ModelReply.plain(REPLY, "counting", TokenUsage.unknown(), Duration.ZERO, FinishReason.STOP);
        }

        @Override
        public ModelReply completeJson(ModelRequest request, JsonSchemaSpec schema) {
            throw new UnsupportedOperationException("the chat never asks for JSON");
        }

        @Override
        public ModelReply stream(ModelRequest request, Consumer<String> onDelta) {
            streamed++;
            ModelReply reply = complete(request);
            onDelta.accept(REPLY.substring(0, 5));
            onDelta.accept(REPLY.substring(5));
            return reply;
        }
    }

    /** Bag-of-words hashed into 16 dimensions: deterministic, offline, good enough to rank. */
    private enum HashingEmbedder implements Embedder {
        INSTANCE;

        @Override
        public EmbedderId id() {
            return new EmbedderId("test/hashing", 16);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(HashingEmbedder::vector).toList();
        }

        private static float[] vector(String text) {
            float[] v = new float[16];
            v[0] = 1;
            for (String word : text.toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
                v[Math.floorMod(word.hashCode(), 16)] += 1;
            }
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            for (int i = 0; i < v.length; i++) {
                v[i] /= (float) Math.sqrt(norm);
            }
            return v;
        }
    }
}
