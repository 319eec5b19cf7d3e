package dev.spectron.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spectron.core.ConflictException;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.context.ContextService;
import dev.spectron.core.embedding.Embedder;
import dev.spectron.core.embedding.EmbedderId;
import dev.spectron.core.extraction.heuristics.HeuristicStage;
import dev.spectron.core.idempotency.IdempotentWrites;
import dev.spectron.core.ingest.IngestedTurn;
import dev.spectron.core.ingest.TurnIngestion;
import dev.spectron.core.model.FinishReason;
import dev.spectron.core.model.JsonSchemaSpec;
import dev.spectron.core.model.LanguageModel;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelReply;
import dev.spectron.core.model.ModelRequest;
import dev.spectron.core.model.TokenUsage;
import dev.spectron.core.port.memory.InMemoryStore;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

/**
 * {@link ChatExchange}'s five steps without HTTP: lock, idempotent user step, retrieve, answer,
 * idempotent reply step, trace. The in-memory store, a hand-written model that counts its calls, a
 * hashing embedder, and plain JSON for the shapes the server renders (the response body, the stored
 * user step, trace documents): the test reads only {@code traceId} and {@code sessionId} from them.
 */
class ChatExchangeTest {
    private static final ContextId CONTEXT = new ContextId("chat-test");
    private static final String PRINCIPAL = "key_test";

    private static final ObjectMapper JSON = new ObjectMapper();

    private InMemoryStore store;
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
        store = InMemoryStore.open();
        new ContextService(store, clock, config -> { }).create(CONTEXT, "", Map.of());
        sessions = new SessionService(store, clock);
        EmbedderProvider embedders = contextId -> HashingEmbedder.INSTANCE;
        TurnIngestion turns = new TurnIngestion(store, sessions, new Reconciler(clock), contextId -> new HeuristicStage(),
                new Indexer(embedders, clock), clock);
        Retriever retriever = new Retriever(store, new VectorCache(store), new TextCache(store), embedders, clock);
        traceWriter = TraceWriter.start(store, clock, TraceWriter.Settings.defaults());
        ResponseTraces traces = new ResponseTraces(traceWriter, trace -> {
            rendered.put(trace.id(), trace);
            return write(JSON.createObjectNode().put("id", trace.id()).put("kind", "response"));
        });
        TraceLog retrievals = new TraceLog(traceWriter, trace -> write(JSON.createObjectNode().put("id", trace.retrieval().traceId())
                .put("kind", "retrieval")));
        ChatService chat = new ChatService(store, new ContextAssembler(store, sessions, retriever, retrievals, clock), traces, clock);
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
        String traceId = json(outcome.response().body()).path("traceId").asText();
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

        String session = json(outcome.response().body()).path("sessionId").asText();
        assertThat(sessions.get(CONTEXT, session).scopes()).isEqualTo(ScopeSet.parse("user/erin"));
        assertThat(sessions.turns(CONTEXT, session, 10, 0)).hasSize(2);
    }

    private String newSession() {
        return store.write(tx -> sessions.create(tx, CONTEXT, ScopeSet.NONE, Map.of())).id();
    }

    private ChatExchange.Request request(String session, String message, Optional<String> key, String hash, Consumer<String> onDelta) {
        return new ChatExchange.Request(CONTEXT, PRINCIPAL, key, hash, session, ScopeSet.parse("user/erin"), message,
                new ChatService.ResponseModel(model, "fake/counting"), 0.7, 5, 2000, onDelta, new PlainRendering());
    }

    private static JsonNode json(String stored) {
        try {
            return JSON.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored user step and the response body as plain JSON, in place of the server's wire shapes. */
    private static final class PlainRendering implements ChatRendering {
        @Override
        public String userStep(IngestedTurn user) {
            Turn turn = user.turn();
            ObjectNode node = JSON.createObjectNode().put("sessionId", turn.sessionId());
            node.putObject("turn").put("id", turn.id()).put("sessionId", turn.sessionId()).put("seq", turn.seq())
                    .put("role", turn.role().wireName()).put("content", turn.content()).put("ts", turn.occurredAt().toString())
                    .put("createdAt", turn.createdAt().toString());
            return write(node);
        }

        @Override
        public ChatExchange.UserStep readUserStep(String stored) {
            JsonNode turn = json(stored).path("turn");
            Turn read = new Turn(turn.path("id").asText(), turn.path("sessionId").asText(), turn.path("seq").asLong(),
                    Role.parse(turn.path("role").asText()), turn.path("content").asText(), Instant.parse(turn.path("ts").asText()),
                    Instant.parse(turn.path("createdAt").asText()));
            return new ChatExchange.UserStep(json(stored).path("sessionId").asText(), read, stored);
        }

        @Override
        public String response(ChatExchange.UserStep user, ChatService.Answer answer, IngestedTurn reply, String modelId) {
            return write(JSON.createObjectNode().put("reply", answer.reply().text()).put("sessionId", user.sessionId())
                    .put("userTurnId", user.turn().id()).put("assistantTurnId", reply.turn().id()).put("traceId", answer.traceId())
                    .put("model", modelId));
        }
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
