package dev.spectron.models.embedding.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.spectron.core.embedding.EmbeddingSpec;
import dev.spectron.core.model.ModelException;
import dev.spectron.models.Embedders;
import dev.spectron.models.ProviderCredentials;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An OpenAI-compatible server (vLLM, llama.cpp) at a base URL, serving a model this module does
 * not know: {@code dimensions} only declares the size, so it is not sent (such servers may reject
 * it), and no key means no Authorization header.
 */
class OpenAiCompatibleEmbedderWireTest extends AbstractEmbedderWireTest {

    @Override
    protected String fixtureDir() {
        return "openai";
    }

    @Override
    protected EmbeddingSpec spec(String serverUrl) {
        return spec(serverUrl, OpenAiEmbedderWireTest.SHORT);
    }

    private static EmbeddingSpec spec(String serverUrl, int dimensions) {
        return EmbeddingSpec.parse(Map.of("provider", "openai", "model", "BAAI/bge-m3",
                "base_url", serverUrl + "/v1", "dimensions", dimensions));
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of();
    }

    @Override
    protected String embedPath() {
        return "/v1/embeddings";
    }

    @Override
    protected List<float[]> fixtureVectors(JsonNode answer) {
        return OpenAiEmbedderWireTest.dataVectors(answer);
    }

    @Override
    protected void assertKeySent(LoggedRequest request) {
        assertThat(request.containsHeader("Authorization")).isFalse();
    }

    @Override
    protected void assertBatchSent(JsonNode body, List<String> texts) {
        assertThat(body.path("model").asText()).isEqualTo("BAAI/bge-m3");
        assertThat(texts(body.path("input"))).containsExactlyElementsOf(texts);
        assertThat(body.has("dimensions")).isFalse();
    }

    @Test
    void fails_as_malformed_output_when_the_server_returns_another_size_than_declared() {
        stub(ok("embeddings-success.json"));

        ModelException failure = assertModelFailure(
                () -> Embedders.create(ProviderCredentials.of(environment()), OPTIONS)
                        .resolve(spec(WIRE.baseUrl(), 1024), Map.of()).embedAll(TEXTS),
                ModelException.Kind.MALFORMED_OUTPUT);

        assertThat(failure.getMessage()).contains("a vector of 8 components for text 0, expected 1024");
        assertThat(requests()).hasSize(1);
    }
}
