package dev.spectron.models.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.spectron.core.embedding.Embedder;
import dev.spectron.core.embedding.EmbedderId;
import dev.spectron.core.embedding.EmbeddingProvider;
import dev.spectron.models.chat.ProviderCall;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Embedder} behaviour shared by every provider's embedding API, written once: texts go
 * out in batches no larger than the provider takes, each batch under the shared retry policy and
 * exception mapping, so a retry resends one batch, not all of them. A subclass builds its
 * LangChain4j client with the client's own retries switched off; wrap it in
 * {@link Embedder#normalized} before handing it out.
 */
public abstract class ProviderEmbedder implements Embedder {

    private final EmbedderId id;
    private final EmbeddingModel model;
    private final ProviderCall call;
    private final int maxBatch;

    protected ProviderEmbedder(EmbeddingProvider provider, RemoteEmbeddingConfig config, EmbeddingModel model, int maxBatch) {
        this.id = config.id();
        this.model = model;
        this.call = ProviderCall.of(provider.id(), config.connection().options().retry());
        this.maxBatch = maxBatch;
    }

    @Override
    public EmbedderId id() {
        return id;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += maxBatch) {
            List<TextSegment> batch = texts.subList(from, Math.min(from + maxBatch, texts.size())).stream()
                    .map(TextSegment::from)
                    .toList();
            call.run(() -> exchange(model, batch)).forEach(embedding -> vectors.add(embedding.vector()));
        }
        return vectors;
    }

    /** One attempt at one batch; a subclass may override it to undo a client quirk. */
    protected List<Embedding> exchange(EmbeddingModel model, List<TextSegment> batch) {
        return model.embedAll(batch).content();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + "]";
    }
}
