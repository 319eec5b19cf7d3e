package dev.spectron.server;

import static dev.spectron.server.testing.TestServer.API_KEY;
import static dev.spectron.server.testing.TestServer.MANAGEMENT_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.spectron.server.testing.TestHttp;
import dev.spectron.server.testing.TestHttp.Reply;
import dev.spectron.server.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wire output of every route, success and error, pinned (issue 13: the
 * renovation must not change what a client sees). A fixed, ordered list of requests runs against a
 * fresh server; what varies per run (ids, generated times, latencies, key secrets) is replaced by
 * numbered placeholders, and status, content type and body are compared with
 * {@code src/test/resources/wire-baseline/requests.txt}.
 *
 * <p>To re-record (only for an intended wire change, reviewed as such):
 * {@code ./mvnw -pl spectron-server -am verify -Dit.test=WireBaselineIT -Dwire.record=true}.
 */
class WireBaselineIT {
    private static final String RECORDING = "wire-baseline/requests.txt";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper SORTED = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final String D = "/api/v1/default";
    private static final String TS = "2024-03-01T10:00:00Z";

    private Path dataDir;
    private TestServer server;
    private TestHttp http;
    private Normaliser normaliser;
    private final StringBuilder transcript = new StringBuilder();

    @BeforeEach
    void start() throws IOException {
        dataDir = Files.createTempDirectory("spectron-wire-");
        server = TestServer.start(dataDir);
        http = server.http();
        normaliser = new Normaliser();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void every_route_answers_as_recorded() throws IOException {
        // given / when
        health();
        management();
        keys();
        String session = sessionsAndTurns();
        facts(session);
        retrieval(session);
        chat(session);
        memory();
        forget();
        endOfLife(session);

        // then: the same bytes on either store, but for the store's name in the health document
        String actual = transcript.toString();
        if (TestServer.onPostgres()) {
            actual = actual.replace("\"store\":\"postgres\"", "\"store\":\"sqlite\"");
        }
        if (Boolean.getBoolean("wire.record")) {
            Path file = Path.of("src/test/resources").resolve(RECORDING);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RECORDING)) {
            assertThat(in).as("recording " + RECORDING + " (record it with -Dwire.record=true)").isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void health() {
        send("GET", "/health", null, null);
        send("GET", "/api/v1/health", null, null);
        send("GET", "/api/v1/nowhere/at/all/here", null, API_KEY);
        send("PUT", D + "/sessions", "{}", API_KEY);
    }

    private void management() {
        send("GET", "/api/v1/contexts", null, null);
        send("GET", "/api/v1/contexts", null, "wrong-key");
        send("GET", "/api/v1/contexts", null, MANAGEMENT_KEY);
        send("POST", "/api/v1/contexts", "{\"id\":\"wire\",\"description\":\"Wire\"}", MANAGEMENT_KEY);
        send("POST", "/api/v1/contexts/wire", null, MANAGEMENT_KEY);
        send("POST", "/api/v1/contexts/wire2", "{\"description\":\"second\",\"config\":{\"reconciliation\":{\"confidence_floor\":0.8}}}", MANAGEMENT_KEY);
        send("POST", "/api/v1/contexts/wire3", "", MANAGEMENT_KEY);
        send("POST", "/api/v1/contexts", "{\"id\":\"no spaces\"}", MANAGEMENT_KEY);
        send("POST", "/api/v1/contexts", "{\"id\":\"health\"}", MANAGEMENT_KEY);
        send("POST", "/api/v1/contexts", "{}", MANAGEMENT_KEY);
        send("POST", "/api/v1/contexts", "{\"id\":5}", MANAGEMENT_KEY);
        send("POST", "/api/v1/contexts", "{\"id\":\"wire4\",\"colour\":\"red\"}", MANAGEMENT_KEY);
        send("POST", "/api/v1/contexts", "{\"id\":\"wire5\",\"config\":\"fast\"}", MANAGEMENT_KEY);
        send("POST", "/api/v1/contexts", "{\"id\":", MANAGEMENT_KEY);
        send("POST", "/api/v1/contexts", "[1,2]", MANAGEMENT_KEY);
        send("GET", "/api/v1/contexts/wire", null, MANAGEMENT_KEY);
        send("GET", "/api/v1/contexts/wire2", null, MANAGEMENT_KEY);
        send("GET", "/api/v1/contexts/nope", null, MANAGEMENT_KEY);
        send("PATCH", "/api/v1/contexts/wire", "{\"config\":{\"models\":{\"extraction\":\"builtin\",\"response\":\"builtin/echo\"}}}", MANAGEMENT_KEY);
        send("PATCH", "/api/v1/contexts/wire", "{\"config\":{\"models\":{\"response\":{\"provider\":\"ollama\",\"model\":\"llama3.1:8b\"}},"
                + "\"providers\":{\"openai\":\"sk-openai-secret\"},\"reconciliation\":{\"confidence_floor\":0.75}}}", MANAGEMENT_KEY);
        send("PATCH", "/api/v1/contexts/wire", "{\"config\":{\"models\":{\"response\":null}}}", MANAGEMENT_KEY);
        send("PATCH", "/api/v1/contexts/wire", "{\"config\":{\"models\":{\"extraction\":\"anthropic/claude-haiku-4-5\"}}}", MANAGEMENT_KEY);
        send("PATCH", "/api/v1/contexts/wire", "{\"config\":{\"models\":{\"response\":\"nosuch/model\"}}}", MANAGEMENT_KEY);
        send("PATCH", "/api/v1/contexts/wire", "{\"config\":{\"models\":{\"response\":{\"provider\":\"ollama\",\"model\":\"m\",\"colour\":1}}}}", MANAGEMENT_KEY);
        send("PATCH", "/api/v1/contexts/wire", "{\"config\":{\"models\":{\"embedding\":\"nosuch/model\"}}}", MANAGEMENT_KEY);
        send("PATCH", "/api/v1/contexts/wire", "{\"config\":{\"models\":\"builtin\"}}", MANAGEMENT_KEY);
        send("PATCH", "/api/v1/contexts/wire", "{\"config\":{\"reconciliation\":{\"confidence_floor\":2}}}", MANAGEMENT_KEY);
        send("PATCH", "/api/v1/contexts/wire", "{\"config\":{\"reconciliation\":{\"confidence_floor\":\"high\"}}}", MANAGEMENT_KEY);
        send("PATCH", "/api/v1/contexts/wire", "{\"config\":{\"providers\":{\"openai\":5}}}", MANAGEMENT_KEY);
        send("PATCH", "/api/v1/contexts/wire", "{\"config\":{\"providers\":\"openai\"}}", MANAGEMENT_KEY);
        send("PATCH", "/api/v1/contexts/wire", "{\"config\":{\"extra\":{\"anything\":[1,2]}}}", MANAGEMENT_KEY);
        send("PATCH", "/api/v1/contexts/wire", "{\"description\":\"no config\"}", MANAGEMENT_KEY);
        send("PATCH", "/api/v1/contexts/wire", "{\"config\":[1]}", MANAGEMENT_KEY);
        send("PATCH", "/api/v1/contexts/nope", "{\"config\":{}}", MANAGEMENT_KEY);
        send("GET", "/api/v1/contexts/wire", null, MANAGEMENT_KEY);
        send("GET", "/api/v1/contexts/wire/lifecycle/reindex", null, MANAGEMENT_KEY);
        send("GET", "/api/v1/contexts/nope/lifecycle/reindex", null, MANAGEMENT_KEY);
        send("POST", "/api/v1/contexts/nope/lifecycle/reindex", null, MANAGEMENT_KEY);
    }

    private void keys() {
        String keys = "/api/v1/contexts/wire/keys";
        send("GET", keys, null, MANAGEMENT_KEY);
        send("POST", keys, "{\"name\":\"app\"}", MANAGEMENT_KEY);
        send("POST", keys, "{\"name\":\"timed\",\"ttl_seconds\":3600}", MANAGEMENT_KEY);
        send("POST", keys, "{\"name\":\"timed2\",\"ttlSeconds\":60}", MANAGEMENT_KEY);
        send("POST", keys, "{\"name\":\"x\",\"ttl_seconds\":\"abc\"}", MANAGEMENT_KEY);
        send("POST", keys, "{\"name\":\"x\",\"ttl_seconds\":-5}", MANAGEMENT_KEY);
        send("POST", keys, "{}", MANAGEMENT_KEY);
        send("POST", keys, "{\"name\":7}", MANAGEMENT_KEY);
        send("POST", keys, "{\"name\":\"app\"}", MANAGEMENT_KEY);
        send("POST", keys + "/app2", null, MANAGEMENT_KEY);
        send("POST", keys + "/app3?ttl_seconds=100", null, MANAGEMENT_KEY);
        send("POST", keys + "/app/rotate", null, MANAGEMENT_KEY);
        send("POST", keys + "/ghost/rotate", null, MANAGEMENT_KEY);
        send("GET", keys, null, MANAGEMENT_KEY);
        send("DELETE", keys + "/app2", null, MANAGEMENT_KEY);
        send("DELETE", keys + "/app2", null, MANAGEMENT_KEY);
        send("GET", "/api/v1/contexts/nope/keys", null, MANAGEMENT_KEY);
    }

    private String sessionsAndTurns() {
        send("GET", D + "/sessions", null, null);
        send("GET", D + "/sessions", null, "wrong-key");
        send("GET", "/api/v1/wire/sessions", null, API_KEY);
        send("GET", "/api/v1/Bad%20Context/sessions", null, API_KEY);
        JsonNode created = send("POST", D + "/sessions", "{\"metadata\":{\"app\":\"wire\"},\"scopes\":[\"user/alice\"]}", API_KEY);
        String session = created.path("id").asText();
        send("POST", D + "/sessions", null, API_KEY);
        send("POST", D + "/sessions", "{\"scope\":{\"user\":\"bob\"},\"colour\":\"red\"}", API_KEY);
        send("POST", D + "/sessions", "{\"metadata\":", API_KEY);
        send("POST", D + "/sessions", "{\"metadata\":\"x\"}", API_KEY);
        send("POST", D + "/sessions", "{\"scopes\":5}", API_KEY);
        send("POST", D + "/sessions", "{\"scopes\":[\"bad path!\"]}", API_KEY);
        send("POST", D + "/sessions", "{} {}", API_KEY);
        send("GET", D + "/sessions?limit=2", null, API_KEY);
        send("GET", D + "/sessions?limit=abc", null, API_KEY);
        send("GET", D + "/sessions/" + session, null, API_KEY);
        send("GET", D + "/sessions/sess_nope", null, API_KEY);
        String turns = D + "/sessions/" + session + "/turns";
        send("POST", turns, "{\"role\":\"user\",\"content\":\"My name is Alice and I live in Paris.\",\"ts\":\"" + TS + "\"}", API_KEY);
        send("POST", turns, "{\"role\":\"user\",\"content\":\"I like green tea.\",\"timestamp\":\"2024-03-01T10:01:00Z\",\"colour\":\"red\"}", API_KEY);
        send("POST", turns, "{\"role\":\"assistant\",\"content\":\"Noted, Alice.\",\"observed_at\":\"2024-03-01T10:02:00Z\"}", API_KEY);
        send("POST", turns, "{\"role\":\"user\",\"content\":\"I work at Acme as an engineer.\",\"observedAt\":\"2024-03-01T10:03:00Z\"}", API_KEY);
        send("POST", turns, "{\"role\":\"user\"}", API_KEY);
        send("POST", turns, "{\"role\":\"user\",\"content\":\"\"}", API_KEY);
        send("POST", turns, "{\"role\":\"user\",\"content\":5}", API_KEY);
        send("POST", turns, "{\"role\":\"robot\",\"content\":\"hi\"}", API_KEY);
        send("POST", turns, "{\"role\":\"user\",\"content\":\"hi\",\"ts\":\"yesterday\"}", API_KEY);
        send("POST", turns, "", API_KEY);
        send("POST", turns, "[]", API_KEY);
        send("POST", D + "/sessions/sess_nope/turns", "{\"role\":\"user\",\"content\":\"hi\"}", API_KEY);
        String once = "{\"role\":\"user\",\"content\":\"My dog is called Rex.\",\"ts\":\"2024-03-01T10:04:00Z\"}";
        sendWithKey("POST", turns, once, "turn-key-1");
        sendWithKey("POST", turns, once, "turn-key-1");
        sendWithKey("POST", turns, "{\"role\":\"user\",\"content\":\"Other.\"}", "turn-key-1");
        sendWithKey("POST", turns, once, "bad key with spaces");
        send("GET", turns, null, API_KEY);
        send("GET", turns + "?limit=2&offset=1", null, API_KEY);
        send("GET", D + "/sessions/sess_nope/turns", null, API_KEY);
        return session;
    }

    private void facts(String session) {
        send("POST", D + "/facts", "{\"text\":\"I love hiking in the Alps.\",\"session_id\":\"" + session + "\",\"observed_at\":\"" + TS + "\"}", API_KEY);
        send("POST", D + "/facts", "{\"text\":\"My sister Carol lives in Rome.\",\"sessionId\":\"" + session + "\",\"memoryCategory\":\"identity\"}", API_KEY);
        send("POST", D + "/facts", "{\"infer\":\"triples\",\"scope\":\"user/alice\",\"triples\":[{\"entity\":{\"type\":\"person\",\"name\":\"Alice\"},"
                + "\"key\":\"favourite_colour\",\"value\":\"green\"},{\"entity\":{\"type\":\"person\",\"name\":\"Alice\"},\"key\":\"knows\","
                + "\"target\":{\"type\":\"person\",\"name\":\"Dave\"},\"memory_category\":\"context\"}]}", API_KEY);
        send("POST", D + "/facts", "{\"infer\":\"preview\",\"text\":\"I live in Berlin.\"}", API_KEY);
        send("POST", D + "/facts", "{\"infer\":\"none\",\"text\":\"Raw note about nothing.\"}", API_KEY);
        send("POST", D + "/facts", "{\"infer\":\"sometimes\",\"text\":\"x\"}", API_KEY);
        send("POST", D + "/facts", "{\"text\":\"x\",\"memory_category\":\"gossip\"}", API_KEY);
        send("POST", D + "/facts", "{\"infer\":\"triples\",\"triples\":{\"a\":1}}", API_KEY);
        send("POST", D + "/facts", "{\"infer\":\"triples\",\"triples\":[{\"key\":\"k\"}]}", API_KEY);
        send("POST", D + "/facts", "{\"text\":5}", API_KEY);
        send("POST", D + "/facts", "{\"text\":\"x\",\"role\":\"robot\"}", API_KEY);
        send("POST", D + "/facts", "{\"text\":\"x\",\"observed_at\":\"later\"}", API_KEY);
        send("POST", D + "/facts/batch", "{\"messages\":[{\"role\":\"user\",\"content\":\"I am allergic to peanuts.\",\"ts\":\"" + TS + "\"},"
                + "{\"role\":\"assistant\",\"content\":\"I will remember that.\"}]}", API_KEY);
        send("POST", D + "/facts/batch", "{\"extract\":\"per_message\",\"session_id\":\"" + session + "\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"From now on, always answer briefly.\"}]}", API_KEY);
        send("POST", D + "/facts/batch", "{\"infer\":\"none\",\"messages\":[{\"role\":\"user\",\"content\":\"Just a line.\"}]}", API_KEY);
        send("POST", D + "/facts/batch", "{\"extract\":\"sometimes\",\"messages\":[]}", API_KEY);
        send("POST", D + "/facts/batch", "{\"infer\":\"preview\",\"messages\":[]}", API_KEY);
        send("POST", D + "/facts/batch", "{}", API_KEY);
        send("POST", D + "/facts/batch", "{\"messages\":\"hi\"}", API_KEY);
        send("POST", D + "/facts/batch", "{\"messages\":[{\"role\":\"user\"}]}", API_KEY);
    }

    private void retrieval(String session) {
        JsonNode query = send("POST", D + "/query", "{\"query\":\"Where does Alice live?\"}", API_KEY);
        send("POST", D + "/query", "{\"query\":\"green tea\",\"k\":3,\"mode\":\"bm25\",\"lens\":[\"user/alice\"],\"as_of\":\"2030-01-01T00:00:00Z\"}", API_KEY);
        send("POST", D + "/query", "{\"query\":\"hiking\",\"limit\":2,\"scopes\":\"user/alice\",\"asOf\":\"2030-01-01T00:00:00Z\"}", API_KEY);
        send("POST", D + "/query", "{}", API_KEY);
        send("POST", D + "/query", "{\"query\":\"x\",\"k\":\"three\"}", API_KEY);
        send("POST", D + "/query", "{\"query\":\"x\",\"k\":1.5}", API_KEY);
        send("POST", D + "/query", "{\"query\":\"x\",\"k\":100000}", API_KEY);
        send("POST", D + "/query", "{\"query\":\"x\",\"mode\":\"psychic\"}", API_KEY);
        send("POST", D + "/query", "{\"query\":\"x\",\"asOf\":\"soon\"}", API_KEY);
        send("POST", D + "/context", "{\"query\":\"What does Alice like?\",\"budgetChars\":400}", API_KEY);
        send("POST", D + "/context", "{\"query\":\"What does Alice like?\",\"budget_chars\":\"big\"}", API_KEY);
        String context = D + "/sessions/" + session + "/context";
        send("POST", context, "{\"query\":\"Where does Alice work?\",\"k\":4}", API_KEY);
        send("GET", context + "?query=Alice%20dog&limit=3", null, API_KEY);
        send("GET", context, null, API_KEY);
        send("POST", context, "{}", API_KEY);
        send("POST", D + "/sessions/sess_nope/context", "{\"query\":\"x\"}", API_KEY);
        send("GET", D + "/traces/" + query.path("trace").path("traceId").asText(), null, API_KEY);
    }

    private void chat(String session) {
        String chat = D + "/sessions/" + session + "/chat";
        JsonNode answer = send("POST", chat, "{\"message\":\"What is my name?\"}", API_KEY);
        send("GET", D + "/traces/" + answer.path("traceId").asText(), null, API_KEY);
        send("POST", chat, "{\"content\":\"Where do I live?\",\"k\":3,\"budget_chars\":600,\"stream\":true}", API_KEY);
        send("POST", chat, "{\"message\":\"What do I like?\"}", API_KEY, Map.of("Accept", "text/event-stream"));
        String once = "{\"message\":\"What is my dog called?\"}";
        sendWithKey("POST", chat, once, "chat-key-1");
        sendWithKey("POST", chat, once, "chat-key-1");
        send("POST", chat, once, API_KEY, Map.of("Idempotency-Key", "chat-key-1", "Accept", "text/event-stream"));
        sendWithKey("POST", chat, "{\"message\":\"Another question?\"}", "chat-key-1");
        send("POST", D + "/chat", "{\"message\":\"Hello there, I am Erin.\",\"scope\":\"user/erin\"}", API_KEY);
        send("POST", D + "/chat", "{\"message\":\"What is my name?\",\"sessionId\":\"" + session + "\",\"limit\":2,\"budgetChars\":500}", API_KEY);
        send("POST", D + "/chat", "{\"message\":\"Hi\",\"session_id\":\"" + session + "\",\"model\":\"builtin\"}", API_KEY);
        send("POST", D + "/chat", "{\"message\":\"Hi\",\"model\":\"nosuch/model\"}", API_KEY);
        send("POST", D + "/chat", "{}", API_KEY);
        send("POST", D + "/chat", "{\"message\":7}", API_KEY);
        send("POST", D + "/chat", "{\"message\":\"Hi\",\"k\":0}", API_KEY);
        send("POST", D + "/chat", "{\"message\":\"Hi\",\"stream\":\"yes\"}", API_KEY);
        send("POST", D + "/chat", "{\"message\":\"Hi\",\"sessionId\":\"sess_nope\"}", API_KEY);
        send("POST", D + "/sessions/sess_nope/chat", "{\"message\":\"Hi\"}", API_KEY);
        send("GET", D + "/traces/trace_nope", null, API_KEY);
    }

    private void memory() {
        send("GET", D + "/state", null, API_KEY);
        send("POST", D + "/state", null, API_KEY);
        send("GET", D + "/profile", null, API_KEY);
        send("GET", D + "/entities", null, API_KEY);
        send("GET", D + "/entities?type=person&limit=2", null, API_KEY);
        send("GET", D + "/entities?limit=-1", null, API_KEY);
        send("GET", D + "/entities/person/alice", null, API_KEY);
        send("GET", D + "/entities/person/alice?asOf=2020-01-01T00:00:00Z", null, API_KEY);
        send("GET", D + "/entities/person/alice?as_of=never", null, API_KEY);
        send("GET", D + "/entities/person/alice/history/location", null, API_KEY);
        send("GET", D + "/entities/person/alice/attributes/favourite_colour/history", null, API_KEY);
        send("GET", D + "/entities/person/nobody", null, API_KEY);
        send("GET", D + "/entities/spaceship/alice", null, API_KEY);
        send("DELETE", D + "/entities/person/dave", null, API_KEY);
        send("DELETE", D + "/entities/person/dave", null, API_KEY);
    }

    private void forget() {
        send("POST", D + "/forget", "{\"query\":\"peanuts\",\"dryRun\":true}", API_KEY);
        send("POST", D + "/forget", "{\"query\":\"peanuts\",\"dry_run\":true,\"purge\":true}", API_KEY);
        sendWithKey("POST", D + "/forget", "{\"query\":\"peanuts\"}", "forget-key-1");
        sendWithKey("POST", D + "/forget", "{\"query\":\"peanuts\"}", "forget-key-1");
        send("POST", D + "/forget", "{\"query\":\"person/carol\",\"purge\":true}", API_KEY);
        send("POST", D + "/forget", "{}", API_KEY);
        send("POST", D + "/forget", "{\"query\":\"the\"}", API_KEY);
        send("POST", D + "/forget", "{\"query\":\"x\",\"purge\":\"yes\"}", API_KEY);
    }

    private void endOfLife(String session) {
        send("DELETE", D + "/sessions/" + session, null, API_KEY);
        send("DELETE", D + "/sessions/" + session, null, API_KEY);
        send("GET", D + "/sessions/" + session + "/turns", null, API_KEY);
        send("DELETE", "/api/v1/contexts/wire2", null, MANAGEMENT_KEY);
        send("DELETE", "/api/v1/contexts/wire2", null, MANAGEMENT_KEY);
        send("GET", "/api/v1/contexts", null, MANAGEMENT_KEY);
    }

    private JsonNode sendWithKey(String method, String path, String body, String idempotencyKey) {
        return send(method, path, body, API_KEY, Map.of("Idempotency-Key", idempotencyKey));
    }

    private JsonNode send(String method, String path, String body, String key) {
        return send(method, path, body, key, Map.of());
    }

    /** Sends one request, appends it and its normalised reply to the transcript, and returns the reply as JSON (or null). */
    private JsonNode send(String method, String path, String body, String key, Map<String, String> headers) {
        TestHttp.Call call = switch (method) {
            case "GET" -> http.get(path);
            case "POST" -> http.post(path);
            case "PATCH" -> http.patch(path);
            case "DELETE" -> http.delete(path);
            default -> http.method(method, path);
        };
        if (key != null) {
            call.bearer(key);
        }
        headers.forEach(call::header);
        if (body != null) {
            call.json(body);
        }
        Reply reply = call.send();
        if (path.startsWith(D) && !method.equals("GET")) {
            settle();
        }
        transcript.append("### ").append(method).append(' ').append(normaliser.apply(path)).append('\n');
        new java.util.TreeMap<>(headers).forEach((name, value) -> transcript.append("> ").append(name).append(": ").append(value).append('\n'));
        if (body != null) {
            transcript.append("> ").append(normaliser.apply(body)).append('\n');
        }
        String contentType = reply.header("Content-Type");
        transcript.append("< ").append(reply.status()).append(' ').append(contentType).append('\n');
        transcript.append(normaliser.apply(canonical(reply.body()))).append("\n\n");
        try {
            return contentType != null && contentType.contains("json") ? MAPPER.readTree(reply.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Waits until the default context's background embedding (which a chat starts for its turns) is
     * done, so that the next request retrieves over the same vectors on every run. Not recorded.
     */
    private void settle() {
        long deadline = System.currentTimeMillis() + 30_000;
        int idle = 0;
        while (idle < 2 && System.currentTimeMillis() < deadline) {
            Reply progress = http.get("/api/v1/contexts/default/lifecycle/reindex").bearer(MANAGEMENT_KEY).send();
            idle = progress.status() == 404 || !progress.body().contains("\"running\"") ? idle + 1 : 0;
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * JSON with every object's keys sorted, each SSE {@code data:} line likewise. Several bodies are
     * built from {@code Map.of} today, whose iteration order changes from one JVM to the next, so
     * key order is not part of what this test pins; everything else is, byte for byte.
     */
    private static String canonical(String body) {
        if (body == null || body.isEmpty()) {
            return body;
        }
        if (body.startsWith("data: ") || body.startsWith("event: ")) {
            StringBuilder out = new StringBuilder();
            for (String line : body.split("\n", -1)) {
                out.append(line.startsWith("data: ") ? "data: " + canonical(line.substring(6)) : line).append('\n');
            }
            return out.substring(0, out.length() - 1);
        }
        try {
            return SORTED.writeValueAsString(SORTED.readValue(body, Object.class));
        } catch (IOException e) {
            return body;
        }
    }

    /**
     * Replaces what varies per run, consistently: the first id seen becomes {@code <id-1>} wherever
     * it appears later, and so on; times the server generated become {@code <now>} (dates {@code <today>}); latencies
     * become {@code <ms>}; key secrets {@code <secret-N>}.
     */
    static final class Normaliser {
        private static final Pattern ID = Pattern.compile("\\b[a-z]+_[0-9A-HJKMNP-TV-Z]{26}\\b");
        private static final Pattern SECRET = Pattern.compile("sp-<id-\\d+>-[0-9a-f]{64}");
        private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
        private static final Pattern DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b(?!T)");
        private static final Pattern MILLIS = Pattern.compile("\"(\\w*Ms|\\w*_ms)\":(-?[0-9][0-9.Ee+-]*)");
        private static final Pattern STEPS = Pattern.compile("\"stepsMs\":\\{[^}]*}");
        private static final Pattern STEP = Pattern.compile("\"(\\w+)\":-?[0-9][0-9.Ee+-]*");

        private final Map<String, String> ids = new LinkedHashMap<>();
        private final Map<String, String> secrets = new LinkedHashMap<>();
        private final long startedAt = System.currentTimeMillis();

        String apply(String text) {
            if (text == null) {
                return "";
            }
            String out = replace(ID, text, m -> ids.computeIfAbsent(m.group(), k -> "<id-" + (ids.size() + 1) + ">"));
            out = replace(SECRET, out, m -> secrets.computeIfAbsent(m.group(), k -> "<secret-" + (secrets.size() + 1) + ">"));
            out = replace(INSTANT, out, m -> generated(m.group()) ? "<now>" : m.group());
            out = replace(DATE, out, m -> generated(m.group() + "T12:00:00Z") ? "<today>" : m.group());
            out = replace(STEPS, out, m -> replace(STEP, m.group(), s -> "\"" + s.group(1) + "\":<ms>"));
            return replace(MILLIS, out, m -> "\"" + m.group(1) + "\":<ms>");
        }

        /** A time within a day of this run: made by the server (or derived from its clock), not sent by the test. */
        private boolean generated(String instant) {
            long at = java.time.Instant.parse(instant).toEpochMilli();
            return Math.abs(at - startedAt) < 2L * 24 * 3600 * 1000;
        }

        private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> by) {
            Matcher m = pattern.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(by.apply(m)));
            }
            m.appendTail(out);
            return out.toString();
        }
    }
}
