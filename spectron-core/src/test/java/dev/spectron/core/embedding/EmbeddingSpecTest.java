package dev.spectron.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelProvider;
import dev.spectron.core.model.ModelSpec;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddingSpecTest {

    @ParameterizedTest
    @ValueSource(strings = {"onnx/all-minilm-l6-v2", "onnx/all-minilm-l6-v2-q", "onnx/bge-small-en-v1.5",
            "onnx/bge-small-en-v1.5-q"})
    void reads_every_in_process_model(String text) {
        EmbeddingSpec spec = EmbeddingSpec.parse(text);

        assertThat(spec.provider()).isEqualTo(EmbeddingProvider.ONNX);
        assertThat(spec.id()).isEqualTo(text);
        assertThat(spec.providerSpec()).isEmpty();
    }

    @Test
    void reads_provider_models_from_the_string_form() {
        assertThat(EmbeddingSpec.parse("openai/text-embedding-3-small"))
                .isEqualTo(EmbeddingSpec.of(EmbeddingProvider.OPENAI, "text-embedding-3-small"));
        assertThat(EmbeddingSpec.parse("gemini/text-embedding-004"))
                .isEqualTo(EmbeddingSpec.of(EmbeddingProvider.GEMINI, "text-embedding-004"));
        assertThat(EmbeddingSpec.parse("ollama/nomic-embed-text:v1.5").model()).isEqualTo("nomic-embed-text:v1.5");
    }

    @Test
    void defaults_to_the_in_process_minilm() {
        assertThat(EmbeddingSpec.defaultSpec().id()).isEqualTo("onnx/bge-small-en-v1.5-q");
    }

    @Test
    void reads_the_map_form_with_base_url_key_and_dimensions() {
        EmbeddingSpec spec = EmbeddingSpec.parse(Map.of("provider", "openai", "model", "bge-m3",
                "base_url", "http://localhost:8000/v1/", "api_key", "sk-test", "dimensions", 1024));

        assertThat(spec.baseUrl()).isEqualTo("http://localhost:8000/v1");
        assertThat(spec.apiKey()).isEqualTo("sk-test");
        assertThat(spec.dimensions()).isEqualTo(1024);
        assertThat(spec.providerSpec()).contains(new ModelSpec(ModelProvider.OPENAI, "bge-m3", "http://localhost:8000/v1", "sk-test"));
        assertThat(EmbeddingSpec.parse(Map.of("provider", "openai", "model", "bge-m3", "baseUrl", "http://h:1/v1")).baseUrl())
                .isEqualTo("http://h:1/v1");
    }

    @Test
    void never_prints_the_api_key() {
        EmbeddingSpec spec = EmbeddingSpec.parse(Map.of("provider", "openai", "model", "text-embedding-3-small",
                "api_key", "sk-secret"));

        assertThat(spec.toString()).doesNotContain("sk-secret").contains("api_key=***");
    }

    @Test
    void rejects_an_unknown_provider_listing_every_option() {
        assertMisconfigured(() -> EmbeddingSpec.parse("cohere/embed-v3"), "unknown embedding provider 'cohere'",
                "\"onnx/all-minilm-l6-v2\"", "\"onnx/all-minilm-l6-v2-q\"", "\"onnx/bge-small-en-v1.5\"",
                "\"onnx/bge-small-en-v1.5-q\"", "openai/text-embedding-3-small", "gemini/text-embedding-004",
                "ollama/nomic-embed-text", "base_url");
    }

    @Test
    void rejects_an_unknown_in_process_model_listing_the_known_ones() {
        assertMisconfigured(() -> EmbeddingSpec.parse("onnx/e5-small-v2"), "unknown in-process embedding model 'onnx/e5-small-v2'",
                "\"onnx/bge-small-en-v1.5-q\"");
    }

    @Test
    void rejects_a_string_without_a_model() {
        assertMisconfigured(() -> EmbeddingSpec.parse("onnx"), "'onnx' is not an embedding spec");
        assertMisconfigured(() -> EmbeddingSpec.parse("openai/"), "the embedding model name is empty");
    }

    @Test
    void rejects_remote_settings_on_an_in_process_model() {
        assertMisconfigured(() -> EmbeddingSpec.parse(Map.of("provider", "onnx", "model", "all-minilm-l6-v2", "dimensions", 128)),
                "runs in-process", "dimensions do not apply");
    }

    @Test
    void rejects_unknown_fields_wrong_types_and_bad_values() {
        assertMisconfigured(() -> EmbeddingSpec.parse(Map.of("provider", "openai", "model", "m", "size", 3)),
                "unknown embedding spec field(s) [size]");
        assertMisconfigured(() -> EmbeddingSpec.parse(Map.of("provider", "openai", "model", "m", "dimensions", "768")),
                "\"dimensions\" must be a whole number");
        assertMisconfigured(() -> EmbeddingSpec.parse(Map.of("provider", "openai", "model", "m", "dimensions", 0)),
                "\"dimensions\" must be 1..");
        assertMisconfigured(() -> EmbeddingSpec.parse(Map.of("provider", "openai", "model", "m", "base_url", "localhost:8000")),
                "not an http(s) URL");
        assertMisconfigured(() -> EmbeddingSpec.parse(42), "must be a \"provider/model\" string or an object");
        assertMisconfigured(() -> EmbeddingSpec.parse(Map.of("model", "m")), "has no \"provider\"");
    }

    private static void assertMisconfigured(ThrowingCallable call, String... fragments) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.MISCONFIGURED))
                .message().contains(fragments);
    }
}
