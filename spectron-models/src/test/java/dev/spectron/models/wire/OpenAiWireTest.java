package dev.spectron.models.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelProvider;
import dev.spectron.core.model.ModelSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OpenAI's Chat Completions API, with the key from {@code OPENAI_API_KEY}. */
class OpenAiWireTest extends AbstractProviderWireTest {

    @Test
    void reports_a_structured_output_refusal_as_refused_without_retrying() {
        stubChat(ok("chat-refusal.json"));

        ModelException failure = assertModelFailure(() -> model().completeJson(CONVERSATION, PERSON), ModelException.Kind.REFUSED);

        assertThat(failure.getMessage()).contains("I'm sorry, I cannot assist with that request.");
        assertThat(chatRequests()).hasSize(1);
    }

    @Test
    void sits_out_a_short_retry_after_before_retrying() {
        stubChat(error(429).withHeader("retry-after-ms", "300"), ok("chat-success.json"));
        long start = System.nanoTime();

        model().complete(CONVERSATION);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(chatRequests()).hasSize(2);
    }

    @Test
    void lets_an_exception_from_the_delta_consumer_through_unchanged_without_retrying() {
        stubSequence(streamPath(), aResponse().withStatus(200)
                .withHeader("Content-Type", streamContentType())
                .withBody(fixture(streamFixture())));
        IllegalStateException clientGone = new IllegalStateException("client disconnected");

        assertThatThrownBy(() -> model().stream(CONVERSATION, delta -> {
            throw clientGone;
        })).isSameAs(clientGone);

        assertThat(WIRE.findAll(postRequestedFor(urlPathEqualTo(streamPath())))).hasSize(1);
    }

    @Test
    void times_out_a_stream_that_goes_silent_between_chunks() {
        stubSequence(streamPath(), aResponse().withStatus(200)
                .withHeader("Content-Type", streamContentType())
                .withBody(fixture(streamFixture()))
                .withChunkedDribbleDelay(2, 2_000));

        assertModelFailure(() -> model(OPTIONS.withTimeout(Duration.ofMillis(300))).stream(CONVERSATION, delta -> { }),
                ModelException.Kind.TIMEOUT);
    }

    @Override
    protected String fixtureDir() {
        return "openai";
    }

    @Override
    protected ModelSpec spec(String serverUrl) {
        return new ModelSpec(ModelProvider.OPENAI, "gpt-4o-mini", serverUrl + "/v1", null);
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("OPENAI_API_KEY", KEY);
    }

    @Override
    protected String chatPath() {
        return "/v1/chat/completions";
    }

    @Override
    protected String streamPath() {
        return chatPath();
    }

    @Override
    protected String streamFixture() {
        return "stream.sse";
    }

    @Override
    protected String streamContentType() {
        return "text/event-stream";
    }

    @Override
    protected String answeringModel() {
        return "gpt-4o-mini-2024-07-18";
    }

    @Override
    protected void assertKeySent(LoggedRequest request) {
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Override
    protected void assertStreamRequested(LoggedRequest request, JsonNode body) {
        assertThat(body.path("stream").asBoolean()).isTrue();
    }

    @Override
    protected String sentModel(LoggedRequest request, JsonNode body) {
        return body.path("model").asText();
    }

    @Override
    protected List<SentMessage> sentMessages(JsonNode body) {
        List<SentMessage> messages = new ArrayList<>();
        body.path("messages").forEach(m -> messages.add(new SentMessage(m.path("role").asText(), text(m.path("content")))));
        return messages;
    }

    @Override
    protected JsonNode sentSchema(JsonNode body) {
        JsonNode format = body.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo("person");
        return format.path("json_schema").path("schema");
    }
}
