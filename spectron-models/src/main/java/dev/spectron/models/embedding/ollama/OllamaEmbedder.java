package dev.spectron.models.embedding.ollama;

import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.spectron.core.embedding.Embedder;
import dev.spectron.core.embedding.EmbeddingProvider;
import dev.spectron.models.embedding.ModelDimensions;
import dev.spectron.models.embedding.ProviderEmbedder;
import dev.spectron.models.embedding.RemoteEmbeddingConfig;
import dev.spectron.models.http.ProviderHttpClientBuilder;
import java.util.Map;

/**
 * Ollama's native {@code POST /api/embed} (a list of inputs per request); no key. LangChain4j's
 * client sends no size, so Ollama vectors are always the model's own size.
 */
public final class OllamaEmbedder extends ProviderEmbedder {

    /** From each model's page in the Ollama library (https://ollama.com/search?c=embedding). */
    public static final ModelDimensions DIMENSIONS = new ModelDimensions(Map.of(
            "nomic-embed-text", 768,
            "mxbai-embed-large", 1024,
            "all-minilm", 384,
            "bge-m3", 1024), false);
    /** No documented cap; a local server answers a smaller batch sooner, and a retry resends less. */
    private static final int MAX_BATCH = 256;

    private OllamaEmbedder(RemoteEmbeddingConfig config) {
        super(EmbeddingProvider.OLLAMA, config, client(config), MAX_BATCH);
    }

    public static Embedder create(RemoteEmbeddingConfig config) {
        return Embedder.normalized(new OllamaEmbedder(config));
    }

    private static OllamaEmbeddingModel client(RemoteEmbeddingConfig config) {
        return OllamaEmbeddingModel.builder()
                .httpClientBuilder(new ProviderHttpClientBuilder())
                .baseUrl(config.connection().baseUrl())
                .modelName(config.connection().model())
                .timeout(config.connection().options().timeout())
                .maxRetries(0)
                .build();
    }
}
