package dev.spectron.models.embedding.gemini;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.googleai.GoogleAiEmbeddingModel;
import dev.spectron.core.embedding.Embedder;
import dev.spectron.core.embedding.EmbeddingProvider;
import dev.spectron.models.embedding.ModelDimensions;
import dev.spectron.models.embedding.ProviderEmbedder;
import dev.spectron.models.embedding.RemoteEmbeddingConfig;
import java.util.List;
import java.util.Map;

/**
 * Gemini's {@code models/{model}:batchEmbedContents}; the key travels in {@code x-goog-api-key}.
 * A smaller {@code dimensions} is sent as {@code outputDimensionality}.
 *
 * <p>LangChain4j 1.11.0's {@code GoogleAiEmbeddingModel.embedAll} ignores {@code maxRetries} and
 * retries 5xx and 429 twice on its own; {@link SingleAttemptHttpClient} stops that, so our retry
 * policy is the only one. A 200 with an unreadable body is still retried by it.
 */
public final class GeminiEmbedder extends ProviderEmbedder {

    /** https://ai.google.dev/gemini-api/docs/embeddings#model-versions */
    public static final ModelDimensions DIMENSIONS = new ModelDimensions(Map.of(
            "gemini-embedding-001", 3072,
            "text-embedding-004", 768,
            "embedding-001", 768), true);
    /** batchEmbedContents takes at most 100 requests. */
    private static final int MAX_BATCH = 100;

    private GeminiEmbedder(RemoteEmbeddingConfig config) {
        super(EmbeddingProvider.GEMINI, config, client(config), MAX_BATCH);
    }

    public static Embedder create(RemoteEmbeddingConfig config) {
        return Embedder.normalized(new GeminiEmbedder(config));
    }

    @Override
    protected List<Embedding> exchange(EmbeddingModel model, List<TextSegment> batch) {
        try {
            return super.exchange(model, batch);
        } catch (AttemptFailed failed) {
            throw failed.failure();
        }
    }

    private static GoogleAiEmbeddingModel client(RemoteEmbeddingConfig config) {
        return GoogleAiEmbeddingModel.builder()
                .httpClientBuilder(new SingleAttemptHttpClient.Builder())
                .baseUrl(config.connection().baseUrl())
                .apiKey(config.connection().apiKey())
                .modelName(config.connection().model())
                .outputDimensionality(config.shortenTo())
                .timeout(config.connection().options().timeout())
                .maxRetries(0)
                .build();
    }
}
