package dev.spectron.models;

import dev.spectron.core.embedding.Embedder;
import dev.spectron.core.embedding.EmbeddingSpec;
import dev.spectron.core.model.ModelException;
import dev.spectron.models.chat.ModelOptions;
import dev.spectron.models.chat.ProviderConfig;
import dev.spectron.models.embedding.ModelDimensions;
import dev.spectron.models.embedding.RemoteEmbeddingConfig;
import dev.spectron.models.embedding.gemini.GeminiEmbedder;
import dev.spectron.models.embedding.ollama.OllamaEmbedder;
import dev.spectron.models.embedding.onnx.OnnxEmbedder;
import dev.spectron.models.embedding.onnx.OnnxModel;
import dev.spectron.models.embedding.openai.OpenAiEmbedder;
import dev.spectron.models.gemini.GeminiLanguageModel;
import dev.spectron.models.ollama.OllamaLanguageModel;
import dev.spectron.models.openai.OpenAiLanguageModel;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves an {@link EmbeddingSpec} into a ready {@link Embedder}, or fails at once with a
 * {@code MISCONFIGURED} {@link ModelException}: a missing key, an unknown vector size, an
 * in-process model that cannot load. Keys and base URLs are found as for the language models
 * ({@link ProviderConfigResolver}); provider embedders use the same timeout and retry policy.
 * In-process models are loaded here, once per process, so the first resolution of one takes a
 * few seconds.
 */
public final class Embedders {

    private final ProviderConfigResolver configs;

    private Embedders(ProviderCredentials credentials, ModelOptions options) {
        this.configs = new ProviderConfigResolver(credentials, options);
    }

    public static Embedders create(ProviderCredentials credentials, ModelOptions options) {
        return new Embedders(credentials, options);
    }

    /** @param contextKeys the context's write-only provider keys, by provider id ({@code "openai"} → key) */
    public Embedder resolve(EmbeddingSpec spec, Map<String, String> contextKeys) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(contextKeys, "contextKeys");
        return switch (spec.provider()) {
            case ONNX -> OnnxEmbedder.shared(OnnxModel.fromId(spec.model()).orElseThrow(() -> new ModelException(
                    ModelException.Kind.MISCONFIGURED, spec.provider().id(), "no in-process model " + spec.id())));
            case OPENAI -> OpenAiEmbedder.create(
                    remote(spec, contextKeys, OpenAiLanguageModel.DEFAULT_BASE_URL, OpenAiEmbedder.DIMENSIONS));
            case GEMINI -> GeminiEmbedder.create(
                    remote(spec, contextKeys, GeminiLanguageModel.DEFAULT_BASE_URL, GeminiEmbedder.DIMENSIONS));
            case OLLAMA -> OllamaEmbedder.create(
                    remote(spec, contextKeys, OllamaLanguageModel.DEFAULT_BASE_URL, OllamaEmbedder.DIMENSIONS));
        };
    }

    private RemoteEmbeddingConfig remote(EmbeddingSpec spec, Map<String, String> contextKeys, String defaultBaseUrl,
            ModelDimensions dimensions) {
        ProviderConfig connection = configs.resolve(spec.providerSpec().orElseThrow(), contextKeys, defaultBaseUrl);
        return dimensions.configFor(spec, connection);
    }
}
