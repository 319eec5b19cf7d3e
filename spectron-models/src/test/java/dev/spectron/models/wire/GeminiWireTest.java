package dev.spectron.models.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelProvider;
import dev.spectron.core.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gemini's generateContent: the model is in the URL, the system prompt in {@code systemInstruction},
 * the assistant's role is {@code model}, and the key travels in {@code x-goog-api-key}.
 */
class GeminiWireTest extends AbstractProviderWireTest {

    private static final String MODEL = "gemini-2.5-flash";

    @Override
    protected String fixtureDir() {
        return "gemini";
    }

    @Override
    protected ModelSpec spec(String serverUrl) {
        return new ModelSpec(ModelProvider.GEMINI, MODEL, serverUrl + "/v1beta", null);
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("GOOGLE_API_KEY", KEY);
    }

    @Override
    protected String chatPath() {
        return "/v1beta/models/" + MODEL + ":generateContent";
    }

    @Override
    protected String streamPath() {
        return "/v1beta/models/" + MODEL + ":streamGenerateContent";
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
        return MODEL;
    }

    @Override
    protected void assertKeySent(LoggedRequest request) {
        assertThat(request.getHeader("x-goog-api-key")).isEqualTo(KEY);
        assertThat(request.getUrl()).doesNotContain(KEY);
    }

    @Override
    protected void assertStreamRequested(LoggedRequest request, JsonNode body) {
        assertThat(request.queryParameter("alt").firstValue()).isEqualTo("sse");
    }

    @Override
    protected String sentModel(LoggedRequest request, JsonNode body) {
        String path = request.getUrl().split("\\?")[0];
        return path.substring(path.lastIndexOf('/') + 1, path.lastIndexOf(':'));
    }

    @Override
    protected List<SentMessage> sentMessages(JsonNode body) {
        List<SentMessage> messages = new ArrayList<>();
        if (!body.path("systemInstruction").isMissingNode()) {
            messages.add(SentMessage.system(text(body.path("systemInstruction").path("parts"))));
        }
        body.path("contents").forEach(c -> messages.add(new SentMessage(
                "model".equals(c.path("role").asText()) ? "assistant" : c.path("role").asText(), text(c.path("parts")))));
        return messages;
    }

    @Override
    protected JsonNode sentSchema(JsonNode body) {
        JsonNode config = body.path("generationConfig");
        assertThat(config.path("responseMimeType").asText()).isEqualTo("application/json");
        return config.path("responseJsonSchema");
    }

    @Test
    void treats_a_400_for_an_invalid_api_key_as_authentication() {
        stubChat(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(fixture("error-400-api-key-invalid.json")));

        assertModelFailure(() -> model().complete(CONVERSATION), ModelException.Kind.AUTHENTICATION);

        assertThat(chatRequests()).hasSize(1);
    }
}
