package dev.spectron.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.spectron.server.testing.TestServer.MANAGEMENT_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.spectron.server.testing.ServerExtension;
import dev.spectron.server.testing.TestHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stage 1 over the real OpenAI wire protocol: a context whose extraction model is an
 * OpenAI-compatible server (WireMock replaying chat-completion bodies as documented at
 * https://platform.openai.com/docs/api-reference/chat/object).
 */
class ExtractionModelIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireMockExtension WIRE = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    static final TestHttp http = SERVER.http();

    private String contextId;
    private String key;
    private String session;

    @BeforeEach
    void context() {
        String id = "llm" + System.nanoTime();
        contextId = id;
        assertThat(http.post("/api/v1/contexts/" + id).bearer(MANAGEMENT_KEY).json(Map.of("config", Map.of("models", Map.of("extraction",
                Map.of("provider", "openai", "model", "gpt-4o-mini", "base_url", WIRE.baseUrl() + "/v1"))))).send().status()).isEqualTo(201);
        key = http.post("/api/v1/contexts/" + id + "/keys").bearer(MANAGEMENT_KEY).json(Map.of("name", "app")).send().json().get("key").asText();
        session = "/api/v1/" + id + "/sessions/" + http.post("/api/v1/" + id + "/sessions").bearer(key)
                .json(Map.of("scope", Map.of("user", "ada"))).send().json().get("id").asText();
    }

    @Test
    void the_model_reply_becomes_memory_and_the_request_carries_turn_date_transcript_and_schema() throws Exception {
        WIRE.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(9).willReturn(completion(EMPTY)));
        WIRE.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[1].content", com.github.tomakehurst.wiremock.client.WireMock.containing("Globex")))
                .willReturn(completion("""
                {"entities":[{"name":"Ada","type":"person","memory_category":"identity"}],
                 "attributes":[{"entity_name":"ada","entity_type":"person","key":"employer","value":"Globex","memory_category":"identity","confidence":0.9}],
                 "relations":[], "invalidations":[], "instructions":[], "uncertainties":[]}""")));
        http.post(session + "/turns").bearer(key).json(Map.of("role", "user", "content", "Hello there.", "ts", "2026-05-12T10:00:00Z")).send();

        JsonNode diff = http.post(session + "/turns").bearer(key)
                .json(Map.of("role", "user", "content", "Starting Monday I'm with Globex.", "ts", "2026-05-13T10:00:00Z")).send().json();

        assertThat(diff.get("extraction").get("status").asText()).isEqualTo("ok");
        assertThat(diff.get("extraction").get("stages").toString()).contains("heuristics", "model");
        assertThat(diff.get("attributes").findValuesAsText("value")).contains("Globex");
        LoggedRequest sent = WIRE.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).get(1);
        JsonNode body = JSON.readTree(sent.getBodyAsString());
        assertThat(body.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(body.get("messages").get(0).get("content").asText())
                .contains("Said on: 2026-05-13 (Wednesday)").contains("Speaker: ada").contains("user: Hello there.");
        assertThat(body.get("messages").get(1).get("content").asText()).isEqualTo("Starting Monday I'm with Globex.");
        assertThat(body.get("response_format").get("type").asText()).isEqualTo("json_schema");
        assertThat(body.get("response_format").get("json_schema").get("name").asText()).isEqualTo("extraction");
    }

    @Test
    void known_vocabulary_is_offered_to_the_model() throws Exception {
        WIRE.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(completion("""
                {"entities":[], "attributes":[{"entity_name":"ada","entity_type":"person","key":"employer","value":"Globex"}],
                 "relations":[], "invalidations":[], "instructions":[], "uncertainties":[]}""")));
        http.post(session + "/turns").bearer(key).json(Map.of("role", "user", "content", "First turn.")).send();
        http.post(session + "/turns").bearer(key).json(Map.of("role", "user", "content", "Second turn.")).send();
        List<LoggedRequest> sent = WIRE.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[1].content", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Second turn."))));
        assertThat(sent).hasSize(1);
        String system = JSON.readTree(sent.get(0).getBodyAsString()).get("messages").get(0).get("content").asText();
        assertThat(system).contains("Entities: Globex (organisation), ada (person)").contains("Attribute keys: employer");  // employer pairs with works_at (issue 16)
    }

    @Test
    void a_failing_model_keeps_the_turn_and_says_why_in_the_diff() throws Exception {
        WIRE.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}")));
        var reply = http.post(session + "/turns").bearer(key).json(Map.of("role", "user", "content", "I live in Lisbon.")).send();
        assertThat(reply.status()).isEqualTo(201);
        JsonNode extraction = reply.json().get("extraction");
        assertThat(extraction.get("status").asText()).isEqualTo("failed");
        assertThat(extraction.get("error").asText()).contains("gpt-4o-mini").contains("unavailable");
        assertThat(http.get(session + "/turns").bearer(key).send().json().get("turns")).hasSize(1);
        assertThat(WIRE.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))).hasSize(3);
    }

    @Test
    void a_model_that_stalls_its_body_fails_extraction_at_the_context_deadline_and_keeps_the_turn_issue_20() throws Exception {
        // given: a 1.5 s deadline; the model sends its headers, then dribbles its body over twenty seconds
        assertThat(http.patch("/api/v1/contexts/" + contextId).bearer(MANAGEMENT_KEY).json(Map.of("config", Map.of("models", Map.of("extraction",
                Map.of("timeout_ms", 1_500))))).send().status()).isEqualTo(200);
        WIRE.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(completion(EMPTY).withChunkedDribbleDelay(10, 20_000)));
        long start = System.nanoTime();

        // when
        var reply = http.post(session + "/turns").bearer(key).json(Map.of("role", "user", "content", "I live in Lisbon.")).send();

        // then: answered within the deadline and a margin, the turn and the heuristic facts kept
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_500 + 2_500);
        assertThat(reply.status()).isEqualTo(201);
        JsonNode extraction = reply.json().get("extraction");
        assertThat(extraction.get("status").asText()).isEqualTo("failed");
        assertThat(extraction.get("error").asText()).contains("gpt-4o-mini").contains("timeout").contains("1500 ms deadline");
        assertThat(reply.json().toString()).contains("Lisbon");
        assertThat(http.get(session + "/turns").bearer(key).send().json().get("turns")).hasSize(1);
    }

    @Test
    void a_timeout_out_of_range_or_not_a_number_is_refused_naming_the_field_issue_20() {
        for (Object bad : List.of(999, 600_001, "20s", 1500.5)) {
            var refused = http.patch("/api/v1/contexts/" + contextId).bearer(MANAGEMENT_KEY).json(Map.of("config", Map.of("models",
                    Map.of("extraction", Map.of("timeout_ms", bad))))).send();
            assertThat(refused.status()).as("timeout_ms %s", bad).isEqualTo(400);
            assertThat(refused.json().get("field").asText()).isEqualTo("config.models.extraction.timeout_ms");
            assertThat(refused.json().get("detail").asText()).contains("from 1000 to 600000").contains(String.valueOf(bad));
        }
        var noProvider = http.patch("/api/v1/contexts/" + contextId).bearer(MANAGEMENT_KEY).json(Map.of("config", Map.of("models",
                Map.of("response", Map.of("timeout_ms", 5_000))))).send();
        assertThat(noProvider.status()).isEqualTo(400);
        assertThat(noProvider.json().get("detail").asText()).contains("timeout_ms goes with the object form");
        var badMode = http.patch("/api/v1/contexts/" + contextId).bearer(MANAGEMENT_KEY).json(Map.of("config", Map.of("extraction",
                Map.of("mode", "later")))).send();
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(badMode.json().get("field").asText()).isEqualTo("config.extraction.mode");
    }

    @Test
    void output_outside_the_schema_is_reported_not_dropped() throws Exception {
        WIRE.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(completion("""
                {"entities":[], "attributes":[{"entity_name":"ada","entity_type":"person","key":"employer"}],
                 "relations":[], "invalidations":[], "instructions":[], "uncertainties":[]}""")));
        JsonNode extraction = http.post(session + "/turns").bearer(key).json(Map.of("role", "user", "content", "Guess where I work.")).send()
                .json().get("extraction");
        assertThat(extraction.get("status").asText()).isEqualTo("failed");
        assertThat(extraction.get("error").asText()).contains("attributes[0]: missing 'value'");
    }

    private static final String EMPTY = """
            {"entities":[], "attributes":[], "relations":[], "invalidations":[], "instructions":[], "uncertainties":[]}""";

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder completion(String content) throws Exception {
        var body = Map.of("id", "chatcmpl-test", "object", "chat.completion", "created", 1741570283, "model", "gpt-4o-mini-2024-07-18",
                "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content), "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", 400, "completion_tokens", 60, "total_tokens", 460));
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(body));
    }
}
