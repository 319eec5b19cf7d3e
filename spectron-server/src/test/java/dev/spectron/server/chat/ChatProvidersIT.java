package dev.spectron.server.chat;

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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.spectron.server.testing.ServerExtension;
import dev.spectron.server.testing.TestHttp;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code session.chat()} against stub OpenAI and Anthropic servers that replay their documented
 * responses (chat completion and chunk objects; Messages API and its event stream), asserting the
 * exact request Spectron sent, what it stored and what it answered — and how it fails.
 */
class ChatProvidersIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENAI_PATH = "/v1/chat/completions";
    private static final String ANTHROPIC_PATH = "/v1/messages";
    private static final int DEADLINE_MS = 1_500;
    /** Room for retrieval, storing and a busy machine; a call held by the stalled body would take twenty seconds. */
    private static final int MARGIN_MS = 2_500;

    @RegisterExtension
    static final WireMockExtension WIRE = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    static final TestHttp http = SERVER.http();

    /** A context answering with {@code model}, where Ada said in an earlier session where she lives. */
    private record Setup(String base, String key, String session) {
        String chat() {
            return base + "/sessions/" + session + "/chat";
        }

        List<JsonNode> turns() {
            List<JsonNode> turns = new ArrayList<>();
            http.get(base + "/sessions/" + session + "/turns").bearer(key).send().json().get("turns").forEach(turns::add);
            return turns;
        }
    }

    private static Setup context(Map<String, Object> config) {
        String id = "chat" + System.nanoTime();
        assertThat(http.post("/api/v1/contexts/" + id).bearer(MANAGEMENT_KEY).json(Map.of("config", config)).send().status()).isEqualTo(201);
        String key = http.post("/api/v1/contexts/" + id + "/keys").bearer(MANAGEMENT_KEY).json(Map.of("name", "app")).send().json().get("key").asText();
        String base = "/api/v1/" + id;
        String earlier = newSession(base, key);
        http.post(base + "/sessions/" + earlier + "/turns").bearer(key).json(Map.of("role", "user", "content", "I live in Lisbon.")).send();
        String session = newSession(base, key);
        http.post(base + "/sessions/" + session + "/turns").bearer(key).json(Map.of("role", "user", "content", "Hello!")).send();
        http.post(base + "/sessions/" + session + "/turns").bearer(key).json(Map.of("role", "assistant", "content", "Hi Ada, how can I help?")).send();
        return new Setup(base, key, session);
    }

    private static String newSession(String base, String key) {
        return http.post(base + "/sessions").bearer(key).json(Map.of("scope", Map.of("user", "ada"))).send().json().get("id").asText();
    }

    private static Setup openAi() {
        return context(Map.of("models", Map.of("response", Map.of("provider", "openai", "model", "gpt-4o-mini", "base_url", WIRE.baseUrl() + "/v1"))));
    }

    private static Setup anthropic() {
        return context(Map.of("providers", Map.of("anthropic", "sk-ant-test"),
                "models", Map.of("response", Map.of("provider", "anthropic", "model", "claude-sonnet-4-5", "base_url", WIRE.baseUrl() + "/v1"))));
    }

    @Test
    void openai_is_sent_the_retrieved_fact_in_the_system_prompt_and_the_history_as_messages_in_order() throws Exception {
        Setup setup = openAi();
        WIRE.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(completion("You live in Lisbon [S1].")));

        JsonNode reply = http.post(setup.chat()).bearer(setup.key()).json(Map.of("message", "Where do I live?")).send().json();

        JsonNode sent = lastRequest(OPENAI_PATH);
        assertThat(sent.get("model").asText()).isEqualTo("gpt-4o-mini");
        JsonNode messages = sent.get("messages");
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).get("content").asText()).contains("cite the items you use by their markers")
                .contains("<memory trust=\"untrusted-data\">").containsPattern("\\[S1] .*Lisbon");
        assertThat(roleAndText(messages, 1)).isEqualTo("user: Hello!");
        assertThat(roleAndText(messages, 2)).isEqualTo("assistant: Hi Ada, how can I help?");
        assertThat(roleAndText(messages, 3)).isEqualTo("user: Where do I live?");
        assertThat(messages).hasSize(4);

        assertThat(reply.get("reply").asText()).isEqualTo("You live in Lisbon [S1].");
        assertThat(reply.get("model").asText()).isEqualTo("openai/gpt-4o-mini");
        assertThat(reply.get("citations")).hasSize(1);
        assertThat(reply.get("citations").get(0).get("snippet").asText()).contains("Lisbon");
        assertThat(reply.get("usage").get("inputTokens").asInt()).isEqualTo(400);
        assertThat(reply.get("memory_updates").get("extraction").get("status").asText()).isEqualTo("ok");
        List<JsonNode> turns = setup.turns();
        assertThat(turns).extracting(t -> t.get("role").asText() + ": " + t.get("content").asText())
                .containsExactly("user: Hello!", "assistant: Hi Ada, how can I help?", "user: Where do I live?", "assistant: You live in Lisbon [S1].");
    }

    @Test
    void openai_streams_its_chunks_as_deltas_then_done() throws Exception {
        Setup setup = openAi();
        WIRE.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(openAiStream("Noted:", " you live", " in Lisbon."))));

        SseFrames frames = SseFrames.parse(http.post(setup.chat()).bearer(setup.key()).json(Map.of("message", "Where do I live?", "stream", true))
                .send().body());

        assertThat(lastRequest(OPENAI_PATH).get("stream").asBoolean()).isTrue();
        assertThat(frames.deltas()).containsExactly("Noted:", " you live", " in Lisbon.");
        assertThat(frames.last().event()).isEqualTo("done");
        assertThat(frames.last().data().get("reply").asText()).isEqualTo("Noted: you live in Lisbon.");
        assertThat(setup.turns().getLast().get("content").asText()).isEqualTo("Noted: you live in Lisbon.");
    }

    @Test
    void an_outage_is_a_503_naming_the_provider_and_the_stored_turn_and_a_retry_with_the_key_stores_it_once() throws Exception {
        Setup setup = openAi();
        WIRE.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\"}}")));

        TestHttp.Reply failed = http.post(setup.chat()).bearer(setup.key()).header("Idempotency-Key", "ask-1")
                .json(Map.of("message", "Where do I live?")).send();

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = failed.json();
        assertThat(problem.get("type").asText()).isEqualTo("urn:spectron:problem:model-unavailable");
        assertThat(problem.get("provider").asText()).isEqualTo("openai");
        assertThat(problem.get("detail").asText()).startsWith("openai: ").contains(problem.get("userTurnId").asText());
        List<JsonNode> afterFailure = setup.turns();
        assertThat(afterFailure).hasSize(3);
        assertThat(afterFailure.getLast().get("id").asText()).isEqualTo(problem.get("userTurnId").asText());

        WIRE.resetAll();
        WIRE.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(completion("Lisbon.")));
        JsonNode retried = http.post(setup.chat()).bearer(setup.key()).header("Idempotency-Key", "ask-1")
                .json(Map.of("message", "Where do I live?")).send().json();

        assertThat(retried.get("turnId").asText()).isEqualTo(problem.get("userTurnId").asText());
        assertThat(setup.turns()).extracting(t -> t.get("role").asText() + ": " + t.get("content").asText())
                .containsExactly("user: Hello!", "assistant: Hi Ada, how can I help?", "user: Where do I live?", "assistant: Lisbon.");
        JsonNode retriedPrompt = lastRequest(OPENAI_PATH).get("messages");
        assertThat(roleAndText(retriedPrompt, retriedPrompt.size() - 1)).isEqualTo("user: Where do I live?");
        assertThat(retriedPrompt).hasSize(4);
    }

    @Test
    void a_rejected_key_is_a_502_and_a_stream_that_fails_before_its_first_token_is_a_plain_problem() {
        Setup setup = openAi();
        WIRE.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: sk-wrong.\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));

        TestHttp.Reply rejected = http.post(setup.chat()).bearer(setup.key()).json(Map.of("message", "Where do I live?")).send();
        assertThat(rejected.status()).isEqualTo(502);
        assertThat(rejected.json().get("type").asText()).isEqualTo("urn:spectron:problem:model-failed");

        TestHttp.Reply streamed = http.post(setup.chat()).bearer(setup.key()).header("Accept", "text/event-stream")
                .json(Map.of("message", "And now?")).send();
        assertThat(streamed.status()).isEqualTo(502);
        assertThat(streamed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(setup.turns()).extracting(t -> t.get("role").asText()).containsExactly("user", "assistant", "user", "user");
    }

    @Test
    void a_refusal_is_a_502_naming_it() throws Exception {
        Setup setup = openAi();
        var refusal = Map.of("id", "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG", "object", "chat.completion", "created", 1741570283,
                "model", "gpt-4o-mini-2024-07-18", "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant",
                        "refusal", "I'm sorry, I cannot assist with that request."), "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", 42, "completion_tokens", 12, "total_tokens", 54));
        WIRE.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(JSON.writeValueAsString(refusal))));

        TestHttp.Reply refused = http.post(setup.chat()).bearer(setup.key()).json(Map.of("message", "Tell me something forbidden.")).send();

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().get("detail").asText()).startsWith("openai: ").contains("cannot assist");
        assertThat(setup.turns()).hasSize(3);
    }

    @Test
    void a_stream_that_breaks_after_its_first_token_ends_with_an_error_frame_and_stores_no_reply() throws Exception {
        try (ServerSocket provider = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> breakAfterFirstChunk(provider));
            Setup setup = context(Map.of("models", Map.of("response", Map.of("provider", "openai", "model", "gpt-4o-mini",
                    "base_url", "http://127.0.0.1:" + provider.getLocalPort() + "/v1"))));

            SseFrames frames = SseFrames.parse(http.post(setup.chat()).bearer(setup.key()).json(Map.of("message", "Where do I live?", "stream", true))
                    .send().body());

            assertThat(frames.deltas()).containsExactly("Noted:");
            assertThat(frames.last().event()).isEqualTo("error");
            assertThat(frames.last().data().get("provider").asText()).isEqualTo("openai");
            assertThat(frames.last().data().get("userTurnId").asText()).isEqualTo(setup.turns().getLast().get("id").asText());
            assertThat(setup.turns()).extracting(t -> t.get("role").asText()).containsExactly("user", "assistant", "user");
        }
    }

    @Test
    void a_response_model_that_stalls_its_body_is_a_503_at_the_context_deadline_and_keeps_the_user_turn_issue_20() {
        // given: headers at once, then a body dribbling out over twenty seconds; a 1.5 s deadline
        Setup setup = context(Map.of("models", Map.of("response", Map.of("provider", "openai", "model", "gpt-4o-mini",
                "base_url", WIRE.baseUrl() + "/v1", "timeout_ms", DEADLINE_MS))));
        WIRE.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"chatcmpl-test\",\"object\":\"chat.completion\",\"choices\":[]}").withChunkedDribbleDelay(10, 20_000)));
        long start = System.nanoTime();

        // when
        TestHttp.Reply reply = http.post(setup.chat()).bearer(setup.key()).json(Map.of("message", "Where do I live?")).send();

        // then
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(DEADLINE_MS + MARGIN_MS);
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("type").asText()).isEqualTo("urn:spectron:problem:model-unavailable");
        assertThat(reply.json().get("detail").asText()).contains("1500 ms deadline");
        assertThat(setup.turns()).extracting(t -> t.get("role").asText()).containsExactly("user", "assistant", "user");
    }

    @Test
    void a_stream_stalled_before_its_first_token_past_the_deadline_is_a_plain_503_issue_20() {
        Setup setup = context(Map.of("models", Map.of("response", Map.of("provider", "openai", "model", "gpt-4o-mini",
                "base_url", WIRE.baseUrl() + "/v1", "timeout_ms", DEADLINE_MS))));
        WIRE.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(openAiStream("Noted:", " you live", " in Lisbon.")).withChunkedDribbleDelay(4, 20_000)));
        long start = System.nanoTime();

        TestHttp.Reply reply = http.post(setup.chat()).bearer(setup.key()).json(Map.of("message", "Where do I live?", "stream", true)).send();

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(DEADLINE_MS + MARGIN_MS);
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).isEqualTo("urn:spectron:problem:model-unavailable");
        assertThat(setup.turns()).extracting(t -> t.get("role").asText()).containsExactly("user", "assistant", "user");
    }

    @Test
    void an_openai_stream_cut_off_before_its_finish_and_done_is_a_502_error_frame_and_stores_no_reply_issue_20() {
        Setup setup = openAi();
        String whole = openAiStream("Noted:", " you live", " in Lisbon.");
        WIRE.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(whole.substring(0, whole.lastIndexOf("data: ", whole.indexOf(" in Lisbon."))))));

        SseFrames frames = SseFrames.parse(http.post(setup.chat()).bearer(setup.key()).json(Map.of("message", "Where do I live?", "stream", true))
                .send().body());

        assertThat(frames.deltas()).containsExactly("Noted:", " you live");
        assertCutOff(frames, setup);
    }

    @Test
    void an_anthropic_stream_cut_off_before_message_stop_is_a_502_error_frame_and_stores_no_reply_issue_20() {
        Setup setup = anthropic();
        String whole = anthropicStream("You live", " in Lisbon.");
        WIRE.stubFor(post(urlEqualTo(ANTHROPIC_PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(whole.substring(0, whole.indexOf("event: content_block_stop")))));

        SseFrames frames = SseFrames.parse(http.post(setup.chat()).bearer(setup.key()).header("Accept", "text/event-stream")
                .json(Map.of("message", "Where do I live?")).send().body());

        assertThat(frames.deltas()).containsExactly("You live", " in Lisbon.");
        assertCutOff(frames, setup);
    }

    private static void assertCutOff(SseFrames frames, Setup setup) {
        assertThat(frames.last().event()).isEqualTo("error");
        assertThat(frames.last().data().get("type").asText()).isEqualTo("urn:spectron:problem:model-failed");
        assertThat(frames.last().data().get("status").asInt()).isEqualTo(502);
        assertThat(frames.last().data().get("detail").asText()).contains("cut off");
        assertThat(setup.turns()).extracting(t -> t.get("role").asText()).containsExactly("user", "assistant", "user");
        // nothing to replay: no reply was stored as if it were whole
    }

    /** An OpenAI-compatible server that sends the first chunk of a stream, then resets the connection. */
    private static void breakAfterFirstChunk(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[65_536];
                StringBuilder request = new StringBuilder();
                int contentLength = -1;
                while (contentLength < 0 || request.length() < request.indexOf("\r\n\r\n") + 4 + contentLength) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    request.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    var length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(request);
                    if (contentLength < 0 && request.indexOf("\r\n\r\n") >= 0 && length.find()) {
                        contentLength = Integer.parseInt(length.group(1));
                    }
                }
                String data = chunk("{\"role\":\"assistant\",\"content\":\"Noted:\"}", "null");
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + data + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(200);
                socket.setSoLinger(true, 0); // close with a reset, mid-stream
            } catch (Exception e) {
                return;
            }
        }
    }

    @Test
    void anthropic_gets_the_memory_as_its_system_field_and_the_history_as_messages() throws Exception {
        Setup setup = anthropic();
        WIRE.stubFor(post(urlEqualTo(ANTHROPIC_PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(JSON.writeValueAsString(Map.of("id", "msg_013Zva2CMHLNnXjNJJKqJ2EF", "type", "message", "role", "assistant",
                        "model", "claude-sonnet-4-5-20250929", "content", List.of(Map.of("type", "text", "text", "In Lisbon [S1].")),
                        "stop_reason", "end_turn", "usage", Map.of("input_tokens", 42, "output_tokens", 12))))));

        JsonNode reply = http.post(setup.chat()).bearer(setup.key()).json(Map.of("message", "Where do I live?")).send().json();

        LoggedRequest request = WIRE.findAll(postRequestedFor(urlEqualTo(ANTHROPIC_PATH))).getLast();
        assertThat(request.getHeader("x-api-key")).isEqualTo("sk-ant-test");
        JsonNode sent = JSON.readTree(request.getBodyAsString());
        assertThat(sent.get("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(text(sent.get("system"))).contains("<memory trust=\"untrusted-data\">").containsPattern("\\[S1] .*Lisbon");
        JsonNode messages = sent.get("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0).get("role").asText() + ": " + text(messages.get(0).get("content"))).isEqualTo("user: Hello!");
        assertThat(messages.get(1).get("role").asText() + ": " + text(messages.get(1).get("content"))).isEqualTo("assistant: Hi Ada, how can I help?");
        assertThat(messages.get(2).get("role").asText() + ": " + text(messages.get(2).get("content"))).isEqualTo("user: Where do I live?");

        assertThat(reply.get("reply").asText()).isEqualTo("In Lisbon [S1].");
        assertThat(reply.get("model").asText()).isEqualTo("anthropic/claude-sonnet-4-5");
        assertThat(reply.get("citations").get(0).get("marker").asText()).isEqualTo("[S1]");
        assertThat(reply.get("usage").get("outputTokens").asInt()).isEqualTo(12);
    }

    @Test
    void anthropic_streams_its_text_deltas() {
        Setup setup = anthropic();
        WIRE.stubFor(post(urlEqualTo(ANTHROPIC_PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(anthropicStream("In", " Lisbon", " [S1]."))));

        SseFrames frames = SseFrames.parse(http.post(setup.chat()).bearer(setup.key()).header("Accept", "text/event-stream")
                .json(Map.of("message", "Where do I live?")).send().body());

        assertThat(frames.deltas()).containsExactly("In", " Lisbon", " [S1].");
        JsonNode done = frames.last().data();
        assertThat(done.get("reply").asText()).isEqualTo("In Lisbon [S1].");
        assertThat(done.get("citations").get(0).get("snippet").asText()).contains("Lisbon");
        assertThat(setup.turns().getLast().get("content").asText()).isEqualTo("In Lisbon [S1].");
    }

    @Test
    void a_per_call_model_name_replaces_the_configured_one() throws Exception {
        Setup setup = openAi();
        WIRE.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(completion("Sure.")));

        JsonNode reply = http.post(setup.base() + "/chat").bearer(setup.key())
                .json(Map.of("message", "Hi", "sessionId", setup.session(), "model", "gpt-4.1")).send().json();

        assertThat(lastRequest(OPENAI_PATH).get("model").asText()).isEqualTo("gpt-4.1");
        assertThat(reply.get("model").asText()).isEqualTo("openai/gpt-4.1");
    }

    private static JsonNode lastRequest(String path) throws Exception {
        return JSON.readTree(WIRE.findAll(postRequestedFor(urlEqualTo(path))).getLast().getBodyAsString());
    }

    private static String roleAndText(JsonNode messages, int index) {
        return messages.get(index).get("role").asText() + ": " + text(messages.get(index).get("content"));
    }

    /** Message content as text, whether sent as a string or as content blocks. */
    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(block -> text.append(block.path("text").asText()));
        return text.toString();
    }

    private static ResponseDefinitionBuilder completion(String content) throws Exception {
        var body = Map.of("id", "chatcmpl-test", "object", "chat.completion", "created", 1741570283, "model", "gpt-4o-mini-2024-07-18",
                "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content), "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", 400, "completion_tokens", 60, "total_tokens", 460));
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(body));
    }

    /** Chat completion chunk objects as OpenAI streams them, ending with {@code [DONE]}. */
    private static String openAiStream(String... pieces) {
        StringBuilder body = new StringBuilder();
        body.append(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"));
        for (String piece : pieces) {
            body.append(chunk("{\"content\":" + quote(piece) + "}", "null"));
        }
        body.append(chunk("{}", "\"stop\"")).append("data: [DONE]\n\n");
        return body.toString();
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini-2024-07-18\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finish + "}]}\n\n";
    }

    /** The Messages API event stream: message_start, one text block of deltas, message_delta, message_stop. */
    private static String anthropicStream(String... pieces) {
        StringBuilder body = new StringBuilder();
        body.append(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"content\":[],\"model\":\"claude-sonnet-4-5-20250929\",\"stop_reason\":null,\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":42,\"output_tokens\":1}}}"));
        body.append(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        for (String piece : pieces) {
            body.append(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
                    + quote(piece) + "}}"));
        }
        body.append(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        body.append(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
                + "\"usage\":{\"output_tokens\":12}}"));
        body.append(event("message_stop", "{\"type\":\"message_stop\"}"));
        return body.toString();
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
