package dev.spectron.models.embedding.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.spectron.core.embedding.EmbeddingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OpenAI's {@code /v1/embeddings}, with text-embedding-3-small shortened to 8 dimensions. */
class OpenAiEmbedderWireTest extends AbstractEmbedderWireTest {

    static final int SHORT = 8;

    @Override
    protected String fixtureDir() {
        return "openai";
    }

    @Override
    protected EmbeddingSpec spec(String serverUrl) {
        return EmbeddingSpec.parse(Map.of("provider", "openai", "model", "text-embedding-3-small",
                "base_url", serverUrl + "/v1", "dimensions", SHORT));
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("OPENAI_API_KEY", KEY);
    }

    @Override
    protected String embedPath() {
        return "/v1/embeddings";
    }

    @Override
    protected List<float[]> fixtureVectors(JsonNode answer) {
        return dataVectors(answer);
    }

    /** The {@code data[].embedding} arrays of an OpenAI embeddings answer. */
    static List<float[]> dataVectors(JsonNode answer) {
        List<float[]> vectors = new ArrayList<>();
        answer.path("data").forEach(item -> vectors.add(floats(item.path("embedding"))));
        return vectors;
    }

    @Override
    protected void assertKeySent(LoggedRequest request) {
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Override
    protected void assertBatchSent(JsonNode body, List<String> texts) {
        assertThat(body.path("model").asText()).isEqualTo("text-embedding-3-small");
        assertThat(texts(body.path("input"))).containsExactlyElementsOf(texts);
        assertThat(body.path("dimensions").asInt()).isEqualTo(SHORT);
    }

    @Test
    void reports_the_shortened_size_in_its_id() {
        assertThat(embedder().id().model()).isEqualTo("openai/text-embedding-3-small");
        assertThat(embedder().id().dimension()).isEqualTo(SHORT);
    }
}
