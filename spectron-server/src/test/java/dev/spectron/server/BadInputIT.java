package dev.spectron.server;

import static dev.spectron.server.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.server.testing.TestHttp;
import dev.spectron.server.testing.TestHttp.Reply;
import dev.spectron.server.testing.ServerExtension;
import dev.spectron.server.testing.TestServer;
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
        assertThat(body.get("detail").asText()).contains(detailFragment).doesNotContain("REDACTED").doesNotContain("Exception");
        assertThat(body.get("message").asText()).isEqualTo(body.get("detail").asText());
        assertThat(body.get("instance").asText()).startsWith("/");
        if (type.equals("invalid-scope")) {
            assertThat(body.get("field").asText()).isIn("scopes", "scope");
        }
    }
}
