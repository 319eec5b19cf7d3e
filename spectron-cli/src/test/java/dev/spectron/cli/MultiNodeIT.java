package dev.spectron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.server.testing.TestHttp;
import dev.spectron.store.postgres.LocalPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code spectron serve} processes on one PostgreSQL database act as one service, with no
 * sticky sessions: every request below may land on any node (issue 12).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeIT {
    private static final String KEY = "multi-node-key-7c1e2a";
    private static final String MANAGEMENT = "multi-node-mgmt-3f9b0d";
    private static final String BASE = "/api/v1/default";

    @TempDir
    static Path dataDir;

    private static final List<ServerProcess> nodes = new ArrayList<>();
    private static final List<TestHttp> http = new ArrayList<>();

    @BeforeAll
    static void start_three_nodes_together() throws Exception {
        Map<String, String> env = Map.of("SPECTRON_DATABASE_URL", LocalPostgres.newDatabase(),
                "SPECTRON_API_KEY", KEY, "SPECTRON_MANAGEMENT_API_KEY", MANAGEMENT);
        // Started at once on a new database: migrations and the first-start set-up must happen exactly once.
        try (var starting = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = IntStream.range(0, 3).mapToObj(i -> starting.submit(() -> ServerProcess.start(dataDir.resolve("node" + i), env))).toList();
            for (var future : futures) {
                nodes.add(future.get());
            }
        }
        nodes.forEach(node -> http.add(new TestHttp(node.url())));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (ServerProcess node : nodes) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void health_names_the_postgres_store_on_every_node() {
        for (TestHttp node : http) {
            JsonNode health = node.get("/api/v1/health").send().json();
            assertThat(health.get("status").asText()).isEqualTo("ok");
            assertThat(health.get("store").asText()).isEqualTo("postgres");
        }
    }

    @Test
    @Order(2)
    void a_write_through_one_node_is_read_through_the_others() {
        String session = newSession(0);
        TestHttp.Reply turn = http.get(0).post(BASE + "/sessions/" + session + "/turns").bearer(KEY)
                .json(Map.of("role", "user", "content", "I live in Lisbon and I work as a nurse.")).send();
        assertThat(turn.status()).isEqualTo(201);

        JsonNode transcript = http.get(1).get(BASE + "/sessions/" + session + "/turns").bearer(KEY).send().json();
        assertThat(transcript.get("turns").get(0).get("content").asText()).isEqualTo("I live in Lisbon and I work as a nurse.");
        assertThat(http.get(2).get(BASE + "/state").bearer(KEY).send().body()).contains("Lisbon");
        JsonNode context = http.get(2).post(BASE + "/sessions/" + session + "/context").bearer(KEY)
                .json(Map.of("query", "Where do I live?")).send().json();
        assertThat(context.get("context").asText()).contains("Lisbon");
    }

    @Test
    @Order(3)
    void concurrent_turns_on_one_session_through_all_nodes_get_one_gap_free_order() throws Exception {
        String session = newSession(1);
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 40; i++) {
                int n = i;
                pool.submit(() -> {
                    TestHttp.Reply reply = http.get(n % 3).post(BASE + "/sessions/" + session + "/turns").bearer(KEY)
                            .json(Map.of("role", "user", "content", "message number " + n)).send();
                    assertThat(reply.status()).isEqualTo(201);
                    acknowledged.add(reply.json().get("turn").get("seq").asLong());
                });
            }
        }
        assertThat(acknowledged).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
        assertThat(seqs(transcript(session, 2))).containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
    }

    @Test
    @Order(4)
    void concurrent_chats_on_one_session_through_two_nodes_keep_each_reply_next_to_its_question() throws Exception {
        String session = newSession(0);
        Map<String, String> questionOfReply = new ConcurrentHashMap<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                int n = i;
                pool.submit(() -> {
                    JsonNode chat = http.get(n % 2).post(BASE + "/sessions/" + session + "/chat").bearer(KEY)
                            .json(Map.of("message", "Question " + n + ": what do you know about me?")).send().json();
                    questionOfReply.put(chat.get("assistantTurnId").asText(), chat.get("turnId").asText());
                });
            }
        }
        List<JsonNode> turns = transcript(session, 2);
        assertThat(turns).hasSize(12);
        for (int i = 0; i < turns.size(); i += 2) {
            assertThat(turns.get(i).get("role").asText()).isEqualTo("user");
            assertThat(turns.get(i + 1).get("role").asText()).isEqualTo("assistant");
            assertThat(questionOfReply.get(turns.get(i + 1).get("id").asText())).isEqualTo(turns.get(i).get("id").asText());
        }
    }

    @Test
    @Order(5)
    void an_idempotency_key_replays_through_another_node() {
        String session = newSession(0);
        Map<String, String> body = Map.of("role", "user", "content", "Remember this once.");
        TestHttp.Reply first = http.get(0).post(BASE + "/sessions/" + session + "/turns").bearer(KEY)
                .header("Idempotency-Key", "once-across-nodes").json(body).send();
        TestHttp.Reply retry = http.get(1).post(BASE + "/sessions/" + session + "/turns").bearer(KEY)
                .header("Idempotency-Key", "once-across-nodes").json(body).send();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("turnId").asText()).isEqualTo(first.json().get("turnId").asText());
        assertThat(transcript(session, 2)).hasSize(1);
    }

    @Test
    @Order(6)
    void a_retrieval_trace_is_read_through_any_node() throws InterruptedException {
        String session = newSession(0);
        String traceId = http.get(0).post(BASE + "/sessions/" + session + "/context").bearer(KEY)
                .json(Map.of("query", "What do I do for work?")).send().json().get("traceId").asText();
        TestHttp.Reply trace = null;
        // Traces are written in batches off the request path: another node sees one within a flush interval.
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); System.nanoTime() < deadline; Thread.sleep(100)) {
            trace = http.get(2).get(BASE + "/traces/" + traceId).bearer(KEY).send();
            if (trace.status() == 200) {
                break;
            }
        }
        assertThat(trace.status()).isEqualTo(200);
        assertThat(trace.json().get("id").asText()).isEqualTo(traceId);
    }

    @Test
    @Order(7)
    void a_rotated_key_stops_working_on_every_node_at_once() {
        JsonNode minted = http.get(0).post("/api/v1/contexts/default/keys").bearer(MANAGEMENT).json(Map.of("name", "rotating")).send().json();
        String old = minted.get("key").asText();
        assertThat(http.get(1).get(BASE + "/sessions").bearer(old).send().status()).isEqualTo(200);
        assertThat(http.get(2).get(BASE + "/sessions").bearer(old).send().status()).isEqualTo(200);

        String fresh = http.get(2).post("/api/v1/contexts/default/keys/rotating/rotate").bearer(MANAGEMENT).send().json().get("key").asText();
        for (TestHttp node : http) {
            assertThat(node.get(BASE + "/sessions").bearer(old).send().status()).isEqualTo(401);
            assertThat(node.get(BASE + "/sessions").bearer(fresh).send().status()).isEqualTo(200);
        }
    }

    @Test
    @Order(8)
    void sigkill_of_one_node_under_write_load_loses_no_acknowledged_turn() throws Exception {
        String session = newSession(0);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch enough = new CountDownLatch(60);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < 6; w++) {
                TestHttp node = http.get(w % 3);
                int writer = w;
                pool.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String content = "writer " + writer + " turn " + i;
                        try {
                            TestHttp.Reply reply = node.post(BASE + "/sessions/" + session + "/turns").bearer(KEY)
                                    .json(Map.of("role", "user", "content", content)).send();
                            if (reply.status() == 201) {
                                acknowledged.put(reply.json().get("turnId").asText(), content);
                                enough.countDown();
                            }
                        } catch (RuntimeException nodeGone) {
                            if (node == http.get(2)) {
                                return; // the killed node's writer stops; the others go on
                            }
                            throw nodeGone;
                        }
                    }
                });
            }
            assertThat(enough.await(60, TimeUnit.SECONDS)).isTrue();
            nodes.get(2).kill();
            Thread.sleep(1_000); // the survivors keep taking writes after the kill
            stop.set(true);
        }
        List<JsonNode> turns = transcript(session, 0);
        Map<String, String> stored = new ConcurrentHashMap<>();
        turns.forEach(turn -> stored.put(turn.get("id").asText(), turn.get("content").asText()));
        assertThat(stored).containsAllEntriesOf(acknowledged);
        assertThat(seqs(turns)).containsExactlyElementsOf(LongStream.rangeClosed(1, turns.size()).boxed().toList());
        assertThat(new HashSet<>(stored.values())).hasSize(stored.size());
        assertThat(http.get(1).get("/api/v1/health").send().status()).isEqualTo(200);
    }

    private static String newSession(int node) {
        return http.get(node).post(BASE + "/sessions").bearer(KEY).json(Map.of()).send().json().get("id").asText();
    }

    private static List<JsonNode> transcript(String session, int node) {
        List<JsonNode> turns = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            JsonNode page = http.get(node).get(BASE + "/sessions/" + session + "/turns?limit=500&offset=" + offset).bearer(KEY).send().json().get("turns");
            page.forEach(turns::add);
            if (page.size() < 500) {
                return turns;
            }
        }
    }

    private static List<Long> seqs(List<JsonNode> turns) {
        return turns.stream().map(turn -> turn.get("seq").asLong()).toList();
    }
}
