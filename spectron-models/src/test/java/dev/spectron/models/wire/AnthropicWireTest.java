package dev.spectron.models.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.spectron.core.model.ModelProvider;
import dev.spectron.core.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Anthropic's Messages API: the system prompt travels apart from the messages, the key in {@code x-api-key}. */
class AnthropicWireTest extends AbstractProviderWireTest {

    @Override
    protected String fixtureDir() {
        return "anthropic";
    }

    @Override
    protected ModelSpec spec(String serverUrl) {
        return new ModelSpec(ModelProvider.ANTHROPIC, "claude-sonnet-4-5", serverUrl + "/v1", null);
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("ANTHROPIC_API_KEY", KEY);
    }

    @Override
    protected String chatPath() {
        return "/v1/messages";
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
        return "claude-sonnet-4-5-20250929";
    }

    @Override
    protected void assertKeySent(LoggedRequest request) {
        assertThat(request.getHeader("x-api-key")).isEqualTo(KEY);
        assertThat(request.getHeader("anthropic-version")).isNotBlank();
        assertThat(body(request).path("max_tokens").asInt()).isPositive();
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
        if (!body.path("system").isMissingNode()) {
            messages.add(SentMessage.system(text(body.path("system"))));
        }
        body.path("messages").forEach(m -> messages.add(new SentMessage(m.path("role").asText(), text(m.path("content")))));
        return messages;
    }

    @Override
    protected JsonNode sentSchema(JsonNode body) {
        JsonNode format = body.path("output_config").path("format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        return format.path("schema");
    }
}
