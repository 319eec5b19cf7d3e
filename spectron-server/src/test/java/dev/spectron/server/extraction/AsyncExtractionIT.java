package dev.spectron.server.extraction;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.spectron.server.testing.TestServer.MANAGEMENT_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.spectron.server.testing.ServerExtension;
import dev.spectron.server.testing.TestHttp;
import dev.spectron.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Asynchronous extraction (issue 20 point 3): {@code POST .../turns?extraction=async} stores and
 * acknowledges the turn at once, a durable queue extracts each session's turns in order, and
 * {@code GET .../turns/{id}/extraction} answers the diff; a server stopped with extractions queued
 * finishes them at its next start. The extraction model is a stub OpenAI-compatible server.
 */
class AsyncExtractionIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/v1/chat/completions";
    private static final String GLOBEX = """
            {"entities":[{"name":"Ada","type":"person"}],
             "attributes":[{"entity_name":"ada","entity_type":"person","key":"employer","value":"Globex","confidence":0.9}],
             "relations":[], "invalidations":[], "instructions":[], "uncertainties":[]}""";
    private static final String EMPTY = """
            {"entities":[], "attributes":[], "relations":[], "invalidations":[], "instructions":[], "uncertainties":[]}""";
    private static final int SLOW_MODEL_MS = 1_500;
    private static final Duration FINISHES_WITHIN = Duration.ofSeconds(20);

    @RegisterExtension
    static final WireMockExtension WIRE = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    static final TestHttp http = SERVER.http();

    private record Setup(String context, String key, String session) {
        String turns() {
            return "/api/v1/" + context + "/sessions/" + session + "/turns";
        }
    }

    @BeforeEach
    void reset() {
        WIRE.resetAll();
    }

    private static Setup setup(TestHttp client, Map<String, Object> extraConfig) {
        String id = "async" + System.nanoTime();
        Map<String, Object> config = new java.util.HashMap<>(Map.of("models", Map.of("extraction",
                Map.of("provider", "openai", "model", "gpt-4o-mini", "base_url", WIRE.baseUrl() + "/v1"))));
        config.putAll(extraConfig);
        assertThat(client.post("/api/v1/contexts/" + id).bearer(MANAGEMENT_KEY).json(Map.of("config", config)).send().status()).isEqualTo(201);
        String key = client.post("/api/v1/contexts/" + id + "/keys").bearer(MANAGEMENT_KEY).json(Map.of("name", "app")).send().json().get("key").asText();
        String session = client.post("/api/v1/" + id + "/sessions").bearer(key).json(Map.of("scope", Map.of("user", "ada"))).send().json()
                .get("id").asText();
        return new Setup(id, key, session);
    }

    @Test
    void an_async_turn_is_acknowledged_at_once_as_pending_and_its_diff_appears_later() throws Exception {
        // given: an extraction model that takes 1.5 s
        WIRE.stubFor(post(urlEqualTo(PATH)).willReturn(completion(GLOBEX).withFixedDelay(SLOW_MODEL_MS)));
        Setup setup = setup(http, Map.of());
        long start = System.nanoTime();

        // when
        TestHttp.Reply reply = http.post(setup.turns() + "?extraction=async").bearer(setup.key())
                .json(Map.of("role", "user", "content", "I work at Globex.")).send();

        // then: stored and acknowledged before the model has answered
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(SLOW_MODEL_MS);
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("extraction").get("status").asText()).isEqualTo("pending");
        String turnId = reply.json().get("turnId").asText();
        assertThat(http.get(setup.turns()).bearer(setup.key()).send().json().get("turns")).hasSize(1);
        JsonNode pending = http.get(setup.turns() + "/" + turnId + "/extraction").bearer(setup.key()).send().json();
        assertThat(pending.get("status").asText()).isEqualTo("pending");

        JsonNode done = awaitFinished(http, setup, turnId);
        assertThat(done.get("status").asText()).isEqualTo("ok");
        assertThat(done.get("turnId").asText()).isEqualTo(turnId);
        assertThat(done.get("extraction").get("stages").toString()).contains("heuristics", "model");
        assertThat(done.get("attributes").findValuesAsText("value")).contains("Globex");
    }

    @Test
    void a_sessions_async_turns_are_extracted_in_turn_order_each_seeing_the_ones_before() throws Exception {
        WIRE.stubFor(post(urlEqualTo(PATH)).willReturn(completion(EMPTY).withFixedDelay(300)));
        Setup setup = setup(http, Map.of());
        List<String> turnIds = new ArrayList<>();
        for (String said : List.of("First thing.", "Second thing.", "Third thing.")) {
            turnIds.add(http.post(setup.turns() + "?extraction=async").bearer(setup.key()).json(Map.of("role", "user", "content", said)).send()
                    .json().get("turnId").asText());
        }

        for (String turnId : turnIds) {
            assertThat(awaitFinished(http, setup, turnId).get("status").asText()).isEqualTo("ok");
        }

        List<JsonNode> sent = new ArrayList<>();
        for (var request : WIRE.findAll(postRequestedFor(urlEqualTo(PATH)))) {
            sent.add(JSON.readTree(request.getBodyAsString()));
        }
        assertThat(sent).extracting(body -> body.get("messages").get(1).get("content").asText())
                .containsExactly("First thing.", "Second thing.", "Third thing.");
        String thirdPrompt = sent.get(2).get("messages").get(0).get("content").asText();
        assertThat(thirdPrompt).contains("user: First thing.", "user: Second thing.").doesNotContain("user: Third thing.");
    }

    @Test
    void the_context_default_mode_applies_and_the_parameter_overrides_it() throws Exception {
        WIRE.stubFor(post(urlEqualTo(PATH)).willReturn(completion(EMPTY)));
        Setup setup = setup(http, Map.of("extraction", Map.of("mode", "async")));

        TestHttp.Reply byDefault = http.post(setup.turns()).bearer(setup.key()).json(Map.of("role", "user", "content", "Hello.")).send();
        TestHttp.Reply sync = http.post(setup.turns() + "?extraction=sync").bearer(setup.key()).json(Map.of("role", "user", "content", "Hi.")).send();
        TestHttp.Reply bad = http.post(setup.turns() + "?extraction=later").bearer(setup.key()).json(Map.of("role", "user", "content", "Hey.")).send();

        assertThat(byDefault.json().get("extraction").get("status").asText()).isEqualTo("pending");
        assertThat(sync.json().get("extraction").get("status").asText()).isEqualTo("ok");
        TestHttp.Reply notQueued = http.get(setup.turns() + "/" + sync.json().get("turnId").asText() + "/extraction").bearer(setup.key()).send();
        assertThat(notQueued.status()).isEqualTo(404);
        assertThat(notQueued.json().get("detail").asText()).contains("extracted when it was stored");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("extraction");
        assertThat(http.get(setup.turns()).bearer(setup.key()).send().json().get("turns")).hasSize(2);
    }

    @Test
    void a_failing_model_fails_the_queued_extraction_with_its_reason_and_keeps_the_heuristic_facts() throws Exception {
        WIRE.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}")));
        Setup setup = setup(http, Map.of());

        String turnId = http.post(setup.turns() + "?extraction=async").bearer(setup.key())
                .json(Map.of("role", "user", "content", "I live in Lisbon.")).send().json().get("turnId").asText();

        JsonNode done = awaitFinished(http, setup, turnId);
        assertThat(done.get("status").asText()).isEqualTo("failed");
        assertThat(done.get("extraction").get("error").asText()).contains("gpt-4o-mini").contains("authentication");
        assertThat(done.toString()).contains("Lisbon");
    }

    @Test
    void a_server_stopped_with_extractions_queued_finishes_them_at_its_next_start() throws Exception {
        Path dataDir = Files.createTempDirectory("spectron-async-");
        WIRE.stubFor(post(urlEqualTo(PATH)).willReturn(completion(GLOBEX).withFixedDelay(5_000)));
        Setup setup;
        List<String> turnIds = new ArrayList<>();
        try (TestServer server = TestServer.start(dataDir)) {
            setup = setup(server.http(), Map.of());
            for (String said : List.of("I work at Globex.", "It is in Lisbon.")) {
                turnIds.add(server.http().post(setup.turns() + "?extraction=async").bearer(setup.key())
                        .json(Map.of("role", "user", "content", said)).send().json().get("turnId").asText());
            }
        } // stopped while the first extraction waits for the model: it goes back to the queue, unwritten

        WIRE.resetAll();
        WIRE.stubFor(post(urlEqualTo(PATH)).willReturn(completion(GLOBEX)));
        try (TestServer restarted = TestServer.start(dataDir)) {
            for (String turnId : turnIds) {
                JsonNode done = awaitFinished(restarted.http(), setup, turnId);
                assertThat(done.get("status").asText()).isEqualTo("ok");
            }
            assertThat(awaitFinished(restarted.http(), setup, turnIds.getFirst()).get("attributes").findValuesAsText("value")).contains("Globex");
        }
    }

    private static JsonNode awaitFinished(TestHttp client, Setup setup, String turnId) throws InterruptedException {
        long until = System.nanoTime() + FINISHES_WITHIN.toNanos();
        while (true) {
            JsonNode answer = client.get(setup.turns() + "/" + turnId + "/extraction").bearer(setup.key()).send().json();
            if (!"pending".equals(answer.get("status").asText()) || System.nanoTime() > until) {
                return answer;
            }
            Thread.sleep(100);
        }
    }

    private static ResponseDefinitionBuilder completion(String content) throws Exception {
        var body = Map.of("id", "chatcmpl-test", "object", "chat.completion", "created", 1741570283, "model", "gpt-4o-mini-2024-07-18",
                "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content), "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", 400, "completion_tokens", 60, "total_tokens", 460));
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(body));
    }
}
