package dev.spectron.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spectron.core.embedding.EmbedderId;
import dev.spectron.core.embedding.EmbeddingSpec;
import dev.spectron.core.model.ModelException;
import dev.spectron.models.chat.ModelOptions;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class EmbeddersTest {

    private static final Map<String, String> NO_CONTEXT_KEYS = Map.of();

    @Test
    void resolves_each_provider_with_the_native_size_of_known_models() {
        Embedders embedders = factory(Map.of("OPENAI_API_KEY", "sk-env", "GEMINI_API_KEY", "g-env"));

        assertThat(id(embedders, "openai/text-embedding-3-small")).isEqualTo(new EmbedderId("openai/text-embedding-3-small", 1536));
        assertThat(id(embedders, "openai/text-embedding-3-large")).isEqualTo(new EmbedderId("openai/text-embedding-3-large", 3072));
        assertThat(id(embedders, "gemini/text-embedding-004")).isEqualTo(new EmbedderId("gemini/text-embedding-004", 768));
        assertThat(id(embedders, "ollama/nomic-embed-text")).isEqualTo(new EmbedderId("ollama/nomic-embed-text", 768));
        assertThat(id(embedders, "ollama/nomic-embed-text:v1.5").dimension()).isEqualTo(768);
    }

    @Test
    void resolves_an_in_process_model_without_any_key() {
        assertThat(factory(Map.of()).resolve(EmbeddingSpec.defaultSpec(), NO_CONTEXT_KEYS).id())
                .isEqualTo(new EmbedderId("onnx/bge-small-en-v1.5-q", 384));
    }

    @Test
    void fails_at_resolution_when_openai_or_gemini_has_no_key_saying_where_to_set_one() {
        assertMisconfigured(() -> factory(Map.of()).resolve(EmbeddingSpec.parse("openai/text-embedding-3-small"), NO_CONTEXT_KEYS),
                "openai/text-embedding-3-small needs an API key", "OPENAI_API_KEY", "\"providers\": {\"openai\": \"<key>\"}");
        assertMisconfigured(() -> factory(Map.of()).resolve(EmbeddingSpec.parse("gemini/text-embedding-004"), NO_CONTEXT_KEYS),
                "GEMINI_API_KEY or GOOGLE_API_KEY");
    }

    @Test
    void takes_the_key_from_the_context_when_the_environment_has_none() {
        assertThat(factory(Map.of()).resolve(EmbeddingSpec.parse("openai/text-embedding-3-small"), Map.of("openai", "sk-ctx")))
                .isNotNull();
    }

    @Test
    void asks_for_the_size_of_a_model_it_does_not_know() {
        assertMisconfigured(() -> factory(Map.of()).resolve(EmbeddingSpec.parse("ollama/my-embedder"), NO_CONTEXT_KEYS),
                "the vector size of ollama/my-embedder is not known", "\"dimensions\": 768");

        EmbeddingSpec declared = EmbeddingSpec.parse(Map.of("provider", "ollama", "model", "my-embedder", "dimensions", 512));
        assertThat(factory(Map.of()).resolve(declared, NO_CONTEXT_KEYS).id().dimension()).isEqualTo(512);
    }

    @Test
    void shortens_only_where_the_provider_can_and_never_lengthens() {
        Embedders embedders = factory(Map.of("OPENAI_API_KEY", "sk-env"));

        assertThat(embedders.resolve(EmbeddingSpec.parse(Map.of("provider", "openai", "model", "text-embedding-3-large",
                "dimensions", 256)), NO_CONTEXT_KEYS).id().dimension()).isEqualTo(256);
        assertMisconfigured(() -> embedders.resolve(EmbeddingSpec.parse(Map.of("provider", "openai",
                "model", "text-embedding-3-small", "dimensions", 4096)), NO_CONTEXT_KEYS), "cannot lengthen them to 4096");
        assertMisconfigured(() -> embedders.resolve(EmbeddingSpec.parse(Map.of("provider", "ollama",
                "model", "nomic-embed-text", "dimensions", 256)), NO_CONTEXT_KEYS), "ollama cannot shorten them to 256");
    }

    private static EmbedderId id(Embedders embedders, String spec) {
        return embedders.resolve(EmbeddingSpec.parse(spec), NO_CONTEXT_KEYS).id();
    }

    private static Embedders factory(Map<String, String> environment) {
        return Embedders.create(ProviderCredentials.of(environment), ModelOptions.defaults());
    }

    private static void assertMisconfigured(ThrowingCallable call, String... fragments) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.MISCONFIGURED))
                .message().contains(fragments);
    }
}
