package dev.spectron.models.embedding.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.spectron.core.embedding.EmbeddingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Ollama's native {@code /api/embed}, found through {@code OLLAMA_BASE_URL}; no key, no size sent. */
class OllamaEmbedderWireTest extends AbstractEmbedderWireTest {

    @Override
    protected String fixtureDir() {
        return "ollama";
    }

    @Override
    protected EmbeddingSpec spec(String serverUrl) {
        return EmbeddingSpec.parse("ollama/nomic-embed-text");
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("OLLAMA_BASE_URL", WIRE.baseUrl());
    }

    @Override
    protected String embedPath() {
        return "/api/embed";
    }

    @Override
    protected List<float[]> fixtureVectors(JsonNode answer) {
        List<float[]> vectors = new ArrayList<>();
        answer.path("embeddings").forEach(item -> vectors.add(floats(item)));
        return vectors;
    }

    @Override
    protected void assertKeySent(LoggedRequest request) {
        assertThat(request.containsHeader("Authorization")).isFalse();
    }

    @Override
    protected void assertBatchSent(JsonNode body, List<String> texts) {
        assertThat(body.path("model").asText()).isEqualTo("nomic-embed-text");
        assertThat(texts(body.path("input"))).containsExactlyElementsOf(texts);
        assertThat(body.has("dimensions")).isFalse();
    }
}
