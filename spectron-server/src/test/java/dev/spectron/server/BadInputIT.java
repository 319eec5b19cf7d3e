package dev.spectron.server;

import static dev.spectron.server.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.server.testing.TestHttp;
import dev.spectron.server.testing.TestHttp.Reply;
import dev.spectron.server.testing.ServerExtension;
import dev.spectron.server.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad request gets a precise 4xx problem, and nothing is written. */
class BadInputIT {
    private static final long LIMIT = 4096;

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension(config -> config.withMaxBodyBytes(LIMIT));
    static final TestHttp http = SERVER.http();
    static String session;

    @BeforeAll
    static void start() {
        session = http.post("/api/v1/default/sessions").bearer(API_KEY).json(Map.of()).send().json().get("id").asText();
        http.post(turns()).bearer(API_KEY).json(Map.of("role", "user", "content", "the only turn")).send();
    }

    @AfterEach
    void nothing_was_written() {
        assertThat(http.get(turns()).bearer(API_KEY).send().json().get("turns")).hasSize(1);
        assertThat(http.get("/api/v1/default/sessions").bearer(API_KEY).send().json().get("sessions")).hasSize(1);
    }

    static Stream<Arguments> badTurns() {
        return Stream.of(
                bad("malformed JSON", c -> c.json("{\"role\": \"user\", \"content\": "), 400, "invalid-input", "malformed JSON at line 1"),
                bad("trailing garbage", c -> c.json("{\"role\":\"user\",\"content\":\"hi\"} x"), 400, "invalid-input", "malformed JSON"),
                bad("array body", c -> c.json("[1,2]"), 400, "invalid-input", "must be a JSON object"),
                bad("empty body", c -> c.json(""), 400, "invalid-input", "request body is empty"),
                bad("missing role", c -> c.json(Map.of("content", "hi")), 400, "invalid-input", "field 'role' is required"),
                bad("missing content", c -> c.json(Map.of("role", "user")), 400, "invalid-input", "field 'content' is required"),
                bad("empty content", c -> c.json(Map.of("role", "user", "content", "  ")), 400, "invalid-input", "field 'content' must not be empty"),
                bad("content not a string", c -> c.json(Map.of("role", "user", "content", 42)), 400, "invalid-input", "must be a string; got number"),
                bad("unknown role", c -> c.json(Map.of("role", "robot", "content", "hi")), 400, "invalid-input", "role must be one of user, assistant, system, tool"),
                bad("bad timestamp", c -> c.json(Map.of("role", "user", "content", "hi", "ts", "yesterday")), 400, "invalid-input", "RFC 3339"),
                bad("timestamp at the edge of Instant", c -> c.json(Map.of("role", "user", "content", "hi", "ts", "+999999999-12-31T23:59:59Z")),
                        400, "invalid-input", "ts must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z"),
                bad("timestamp past year 9999", c -> c.json(Map.of("role", "user", "content", "hi", "ts", "+10000-01-01T00:00:00Z")),
                        400, "invalid-input", "ts must be between"),
                bad("timestamp before year 1", c -> c.json(Map.of("role", "user", "content", "hi", "ts", "-0001-12-31T23:59:59Z")),
                        400, "invalid-input", "ts must be between"),
                bad("lone high surrogate", c -> c.json("{\"role\":\"user\",\"content\":\"a\\ud800b\"}"), 400, "invalid-input",
                        "field 'content' holds a lone UTF-16 surrogate (\\ud800) at index 1"),
                bad("lone low surrogate", c -> c.json("{\"role\":\"user\",\"content\":\"\\udc00\"}"), 400, "invalid-input", "lone UTF-16 surrogate"),
                bad("reversed surrogate pair", c -> c.json("{\"role\":\"user\",\"content\":\"\\ude00\\ud83d\"}"), 400, "invalid-input", "lone UTF-16 surrogate"),
                bad("NUL in content", c -> c.json("{\"role\":\"user\",\"content\":\"a\\u0000b\"}"), 400, "invalid-input", "NUL character"),
                bad("body not UTF-8", c -> c.streamedBody(new byte[] {'{', '"', 'r', 'o', 'l', 'e', '"', ':', '"', (byte) 0xff, '"', '}'}),
                        400, "invalid-input", "not valid UTF-8"),
                bad("single quotes", c -> c.json("{'role':'user'}"), 400, "invalid-input", "malformed JSON at line 1, column 2"),
                bad("bare word", c -> c.json("{\"role\":user}"), 400, "invalid-input", "a bare word"),
                bad("raw control character in a string", c -> c.json("{\"role\":\"a\u0001\"}"), 400, "invalid-input", "must be escaped"),
                bad("nesting too deep", c -> c.json("[".repeat(3000)), 400, "invalid-input", "nested too deeply"),
                bad("number too long", c -> c.json("{\"role\":" + "9".repeat(2000) + "}"), 400, "invalid-input", "too long"),
                bad("oversized body", c -> c.json(Map.of("role", "user", "content", "x".repeat((int) LIMIT))), 413, "payload-too-large", "the limit is 4096 bytes"),
                bad("oversized chunked body", c -> c.streamedBody(("{\"role\":\"user\",\"content\":\"" + "x".repeat((int) LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8)),
                        413, "payload-too-large", ""),
                bad("bad idempotency key", c -> c.header("Idempotency-Key", "has space").json(Map.of("role", "user", "content", "hi")), 400, "invalid-input", "Idempotency-Key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTurns")
    void bad_turn_is_refused(String name, Function<TestHttp.Call, TestHttp.Call> request, int status, String type, String detail) {
        Reply reply = request.apply(http.post(turns()).bearer(API_KEY)).send();
        assertProblem(reply, status, type, detail);
    }

    @Test
    void text_refusals_name_the_field_and_store_nothing_issue_20() {
        assertField(http.post(turns()).bearer(API_KEY).json("{\"role\":\"user\",\"content\":\"x\\ud800\"}").send(), "content");
        assertField(createSession("{\"metadata\":{\"app\":\"x\\udbff\"}}"), "metadata.app");
        assertField(createSession("{\"metadata\":{\"list\":[\"ok\",\"\\u0000\"]}}"), "metadata.list[1]");
        assertField(http.post("/api/v1/default/facts/batch").bearer(API_KEY)
                .json("{\"session_id\":\"" + session + "\",\"messages\":[{\"role\":\"user\",\"content\":\"fine\"},"
                        + "{\"role\":\"user\",\"content\":\"\\ud800\"}]}").send(), "messages[1].content");
        assertField(http.post("/api/v1/default/facts").bearer(API_KEY).json("{\"text\":\"I live in \\udfff Paris\"}").send(), "text");
        assertField(http.post("/api/v1/default/query").bearer(API_KEY).json("{\"query\":\"\\ud800\"}").send(), "query");
        // a valid pair is kept exactly, not refused (checked on a read, so nothing is written)
        assertThat(http.post("/api/v1/default/query").bearer(API_KEY).json("{\"query\":\"tea \\ud83d\\ude00\"}").send().status()).isEqualTo(200);
    }

    @Test
    void timestamps_out_of_range_are_refused_in_batches_and_reads() {
        String batch = "{\"session_id\":\"" + session + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\",\"ts\":\"+999999999-12-31T23:59:59Z\"}]}";
        assertProblem(http.post("/api/v1/default/facts/batch").bearer(API_KEY).json(batch).send(), 400, "invalid-input", "ts must be between");
        assertProblem(http.post("/api/v1/default/facts").bearer(API_KEY).json(Map.of("text", "hi", "observed_at", "+10000-01-01T00:00:00Z")).send(),
                400, "invalid-input", "observed_at must be between");
        assertProblem(http.post("/api/v1/default/query").bearer(API_KEY).json(Map.of("query", "x", "asOf", "-999999999-01-01T00:00:00Z")).send(),
                400, "invalid-input", "asOf must be between");
    }

    static Stream<Arguments> budgetRoutes() {
        return Stream.of(-1L, 0L, 10L, 199L, 1_000_001L, 2_147_483_648L, 9_223_372_036_854_775_807L).flatMap(budget -> Stream.of(
                Arguments.of("/sessions/{id}/context", budget), Arguments.of("/sessions/{id}/chat", budget),
                Arguments.of("/chat", budget), Arguments.of("/context", budget)));
    }

    @ParameterizedTest(name = "{0} budgetChars {1}")
    @MethodSource("budgetRoutes")
    void budget_chars_out_of_range_is_refused_before_anything_is_stored_issue_20(String route, long budget) {
        // when: a chat with a new session would store a session and a turn, one on this session a turn (see nothing_was_written)
        String path = "/api/v1/default" + route.replace("{id}", session);
        String text = route.endsWith("chat") ? "message" : "query";
        Reply reply = http.post(path).bearer(API_KEY).json("{\"" + text + "\":\"What do I like?\",\"budgetChars\":" + budget + "}").send();

        // then
        assertProblem(reply, 400, "invalid-input", "budgetChars must be between 200 and 1000000; got " + budget);
        assertThat(reply.json().get("field").asText()).isEqualTo("budgetChars");
    }

    @Test
    void k_past_the_range_of_int_is_refused_not_wrapped() {
        Reply reply = http.post("/api/v1/default/query").bearer(API_KEY).json("{\"query\":\"x\",\"k\":4294967297}").send();
        assertProblem(reply, 400, "invalid-input", "k must be between 1 and 50; got 4294967297");
        Reply chat = http.post("/api/v1/default/chat").bearer(API_KEY).json("{\"message\":\"x\",\"k\":4294967297}").send();
        assertProblem(chat, 400, "invalid-input", "k must be between 1 and 50");
    }

    @Test
    void a_key_ttl_past_ten_years_is_refused_with_the_range() {
        String keys = "/api/v1/contexts/default/keys";
        int before = http.get(keys).bearer(TestServer.MANAGEMENT_KEY).send().json().size();
        for (String ttl : new String[] {"9223372036854775807", "315360001"}) {
            Reply reply = http.post(keys).bearer(TestServer.MANAGEMENT_KEY).json("{\"name\":\"forever\",\"ttl_seconds\":" + ttl + "}").send();
            assertProblem(reply, 400, "invalid-input", "ttl_seconds must be between 1 and 315360000 (ten years); got " + ttl);
            assertThat(reply.json().get("field").asText()).isEqualTo("ttl_seconds");
        }
        assertProblem(http.post(keys + "/forever?ttl_seconds=9223372036854775807").bearer(TestServer.MANAGEMENT_KEY).send(),
                400, "invalid-input", "ttl_seconds must be between");
        assertThat(http.get(keys).bearer(TestServer.MANAGEMENT_KEY).send().json().size()).isEqualTo(before);
    }

    @Test
    void a_blank_entity_name_is_refused() {
        for (String path : new String[] {"/entities/location/%20", "/entities/person/%20%20/history/home", "/entities/person/%09/attributes/x/history"}) {
            Reply reply = http.get("/api/v1/default" + path).bearer(API_KEY).send();
            assertProblem(reply, 400, "invalid-input", "the entity name in /entities/{type}/{name} must not be blank");
        }
        assertProblem(http.delete("/api/v1/default/entities/person/%20").bearer(API_KEY).send(), 400, "invalid-input", "must not be blank");
    }

    @Test
    void jetty_refusals_are_problems_too() throws IOException {
        // headers over the limit: 431
        Reply big = http.get("/api/v1/health").header("X-Big", "a".repeat(20_000)).send();
        assertProblem(big, 431, "http-error", "the request headers are larger than the limit");
        // a path that is not UTF-8, or holds NUL
        assertProblem(http.get("/api/v1/default/sessions/%ff").bearer(API_KEY).send(), 400, "invalid-input", "not valid UTF-8");
        assertProblem(http.get("/api/v1/default/sessions/a%00b").bearer(API_KEY).send(), 400, "invalid-input", "");
        assertProblem(http.get(turns() + "?limit=1&x=%00").bearer(API_KEY).send(), 400, "invalid-input", "encoded NUL");
        // framing Java's client will not send: raw bytes
        String post = "POST " + turns() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + API_KEY + "\r\nContent-Type: application/json\r\n";
        String body = "{\"role\":\"user\",\"content\":\"hi\"}";
        assertProblem(raw(post + "Content-Length: abc\r\nConnection: close\r\n\r\n" + body), 400, "invalid-input", "Content-Length");
        assertProblem(raw(post + "Content-Length: 31\r\nContent-Length: 32\r\nConnection: close\r\n\r\n" + body), 400, "invalid-input", "Content-Length");
        assertProblem(raw(post + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n" + body + "\r\n0\r\n\r\n"), 400, "invalid-input",
                "the request body could not be read");
        assertProblem(raw("G@T / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400, "invalid-input", "not valid HTTP/1.1");
    }

    /** One request as raw bytes over a socket, for framing {@link java.net.http.HttpClient} refuses to send. */
    private static Reply raw(String request) throws IOException {
        java.net.URI base = java.net.URI.create(SERVER.server().url());
        try (var socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            Map<String, java.util.List<String>> headers = new java.util.LinkedHashMap<>();
            String[] lines = response.substring(0, split).split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip(), java.util.List.of(lines[i].substring(colon + 1).strip()));
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, response.substring(split + 4));
        }
    }

    private static void assertField(Reply reply, String field) {
        assertProblem(reply, 400, "invalid-input", "field '" + field + "' holds");
        assertThat(reply.json().get("field").asText()).isEqualTo(field);
    }

    @Test
    void turn_for_unknown_session_is_404() {
        Reply reply = http.post("/api/v1/default/sessions/sess_missing/turns").bearer(API_KEY).json(Map.of("role", "user", "content", "hi")).send();
        assertProblem(reply, 404, "not-found", "session 'sess_missing' does not exist");
    }

    @Test
    void invalid_scope_paths_are_refused() {
        assertProblem(createSession(Map.of("scopes", "org//acme")), 400, "invalid-scope", "invalid scope path 'org//acme'");
        assertProblem(createSession(Map.of("scopes", java.util.List.of("org/*"))), 400, "invalid-scope", "wildcards belong in grants");
        assertProblem(createSession(Map.of("scopes", java.util.List.of(java.util.List.of()))), 400, "invalid-scope", "at least one path");
        assertProblem(createSession(Map.of("scopes", 7)), 400, "invalid-scope", "scopes must be");
        assertProblem(createSession(Map.of("scope", Map.of("user", 7))), 400, "invalid-scope", "must have a string value");
        assertProblem(createSession(Map.of("metadata", "x")), 400, "invalid-input", "field 'metadata' must be a JSON object");
    }

    @Test
    void bad_paging_is_refused() {
        assertProblem(http.get(turns() + "?limit=0").bearer(API_KEY).send(), 400, "invalid-input", "limit must be between 1 and 500");
        assertProblem(http.get(turns() + "?limit=501").bearer(API_KEY).send(), 400, "invalid-input", "limit must be between 1 and 500");
        assertProblem(http.get(turns() + "?limit=ten").bearer(API_KEY).send(), 400, "invalid-input", "must be a whole number");
        assertProblem(http.get(turns() + "?offset=-1").bearer(API_KEY).send(), 400, "invalid-input", "offset must not be negative");
    }

    @Test
    void unknown_route_and_wrong_method_are_problems() {
        assertProblem(http.get("/api/v1/default/nothing-here").bearer(API_KEY).send(), 404, "not-found", "no route GET");
        Reply wrongMethod = http.patch(turns()).bearer(API_KEY).json(Map.of()).send();
        assertThat(wrongMethod.status()).isIn(404, 405);
        assertThat(wrongMethod.header("Content-Type")).startsWith("application/problem+json");
    }

    private static Reply createSession(Map<String, ?> body) {
        return http.post("/api/v1/default/sessions").bearer(API_KEY).json(body).send();
    }

    private static Reply createSession(String body) {
        return http.post("/api/v1/default/sessions").bearer(API_KEY).json(body).send();
    }

    private static String turns() {
        return "/api/v1/default/sessions/" + session + "/turns";
    }

    private static Arguments bad(String name, Function<TestHttp.Call, TestHttp.Call> request, int status, String type, String detail) {
        return Arguments.of(name, request, status, type, detail);
    }

    static void assertProblem(Reply reply, int status, String type, String detailFragment) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        var body = reply.json();
        String expectedType = type.equals("invalid-scope") ? "urn:spectron:problem:invalid-input" : "urn:spectron:problem:" + type;
        assertThat(body.get("type").asText()).isEqualTo(expectedType);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).contains(detailFragment).doesNotContain("REDACTED").doesNotContain("Exception")
                .doesNotContain("[Source").doesNotContain("com.fasterxml").doesNotContain("jackson").doesNotContain("`").doesNotContain("\tat ")
                .doesNotContain("org.eclipse");
        assertThat(body.get("message").asText()).isEqualTo(body.get("detail").asText());
        assertThat(body.get("instance").asText()).startsWith("/");
        if (type.equals("invalid-scope")) {
            assertThat(body.get("field").asText()).isIn("scopes", "scope");
        }
    }

    @Test
    void a_known_path_with_another_method_is_405_with_allow_issue_17() {
        TestHttp.Reply reply = http.method("PUT", "/api/v1/default/sessions").bearer(API_KEY).json(Map.of()).send();

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("GET, POST");
        assertThat(reply.json().get("type").asText()).isEqualTo("urn:spectron:problem:method-not-allowed");
        assertThat(http.get("/api/v1/default/no-such-route").bearer(API_KEY).send().status()).isEqualTo(404);
    }
}
