package dev.spectron.models.embedding.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.spectron.core.embedding.EmbeddingSpec;
import dev.spectron.core.model.ModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gemini's batchEmbedContents: the model is in the URL and again in every request, the key in
 * {@code x-goog-api-key}, a shortened size in {@code outputDimensionality}.
 */
class GeminiEmbedderWireTest extends AbstractEmbedderWireTest {

    private static final String MODEL = "text-embedding-004";
    private static final int SHORT = 8;

    @Override
    protected String fixtureDir() {
        return "gemini";
    }

    @Override
    protected EmbeddingSpec spec(String serverUrl) {
        return EmbeddingSpec.parse(Map.of("provider", "gemini", "model", MODEL,
                "base_url", serverUrl + "/v1beta", "dimensions", SHORT));
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("GEMINI_API_KEY", KEY);
    }

    @Override
    protected String embedPath() {
        return "/v1beta/models/" + MODEL + ":batchEmbedContents";
    }

    @Override
    protected List<float[]> fixtureVectors(JsonNode answer) {
        List<float[]> vectors = new ArrayList<>();
        answer.path("embeddings").forEach(item -> vectors.add(floats(item.path("values"))));
        return vectors;
    }

    @Override
    protected void assertKeySent(LoggedRequest request) {
        assertThat(request.getHeader("x-goog-api-key")).isEqualTo(KEY);
        assertThat(request.getUrl()).doesNotContain(KEY);
    }

    @Override
    protected void assertBatchSent(JsonNode body, List<String> texts) {
        List<String> sent = new ArrayList<>();
        body.path("requests").forEach(request -> {
            assertThat(request.path("model").asText()).isEqualTo("models/" + MODEL);
            assertThat(request.path("outputDimensionality").asInt()).isEqualTo(SHORT);
            sent.add(request.path("content").path("parts").get(0).path("text").asText());
        });
        assertThat(sent).containsExactlyElementsOf(texts);
    }

    @Test
    void treats_a_400_for_an_invalid_api_key_as_authentication() {
        stub(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(fixture("error-400-api-key-invalid.json")));

        assertModelFailure(() -> embedder().embedAll(TEXTS), ModelException.Kind.AUTHENTICATION);

        assertThat(requests()).hasSize(1);
    }
}
