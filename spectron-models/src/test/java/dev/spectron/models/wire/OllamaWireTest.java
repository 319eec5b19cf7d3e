package dev.spectron.models.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.spectron.core.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Ollama's native {@code /api/chat}, found through {@code OLLAMA_BASE_URL}; no key, streams NDJSON. */
class OllamaWireTest extends AbstractProviderWireTest {

    @Override
    protected String fixtureDir() {
        return "ollama";
    }

    @Override
    protected ModelSpec spec(String serverUrl) {
        return ModelSpec.parse("ollama/llama3.1:8b");
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("OLLAMA_BASE_URL", WIRE.baseUrl());
    }

    @Override
    protected String chatPath() {
        return "/api/chat";
    }

    @Override
    protected String streamPath() {
        return chatPath();
    }

    @Override
    protected String streamFixture() {
        return "stream.ndjson";
    }

    @Override
    protected String streamContentType() {
        return "application/x-ndjson";
    }

    @Override
    protected String answeringModel() {
        return "llama3.1:8b";
    }

    @Override
    protected void assertKeySent(LoggedRequest request) {
        assertThat(request.containsHeader("Authorization")).isFalse();
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
        return body.path("format");
    }
}
