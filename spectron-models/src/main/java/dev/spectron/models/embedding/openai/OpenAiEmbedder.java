package dev.spectron.models.embedding.openai;

import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.spectron.core.embedding.Embedder;
import dev.spectron.core.embedding.EmbeddingProvider;
import dev.spectron.models.embedding.ModelDimensions;
import dev.spectron.models.embedding.ProviderEmbedder;
import dev.spectron.models.embedding.RemoteEmbeddingConfig;
import dev.spectron.models.http.ProviderHttpClientBuilder;
import java.util.Map;

/**
 * OpenAI's {@code POST /embeddings}, and any server that speaks it at another base URL (vLLM,
 * llama.cpp server, LM Studio, Ollama's {@code /v1}, LiteLLM). The text-embedding-3 models take
 * {@code dimensions} to shorten their vectors.
 */
public final class OpenAiEmbedder extends ProviderEmbedder {

    /** https://platform.openai.com/docs/guides/embeddings#embedding-models */
    public static final ModelDimensions DIMENSIONS = new ModelDimensions(Map.of(
            "text-embedding-3-small", 1536,
            "text-embedding-3-large", 3072,
            "text-embedding-ada-002", 1536), true);
    /**
     * The API takes up to 2048 inputs but also caps a request's total tokens (300k); 512 chunks of
     * a few hundred tokens stay under both.
     */
    private static final int MAX_BATCH = 512;

    private OpenAiEmbedder(RemoteEmbeddingConfig config) {
        super(EmbeddingProvider.OPENAI, config, client(config), MAX_BATCH);
    }

    /** @param config its key may be {@code null} for a server that needs none: no Authorization header is sent */
    public static Embedder create(RemoteEmbeddingConfig config) {
        return Embedder.normalized(new OpenAiEmbedder(config));
    }

    private static OpenAiEmbeddingModel client(RemoteEmbeddingConfig config) {
        return OpenAiEmbeddingModel.builder()
                .httpClientBuilder(new ProviderHttpClientBuilder())
                .baseUrl(config.connection().baseUrl())
                .apiKey(config.connection().apiKey())
                .modelName(config.connection().model())
                .dimensions(config.shortenTo())
                .timeout(config.connection().options().timeout())
                .maxRetries(0)
                .maxSegmentsPerBatch(MAX_BATCH)
                .build();
    }
}
