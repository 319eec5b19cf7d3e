package dev.spectron.server.models;

import dev.spectron.core.InvalidInputException;
import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ModelChoice;
import dev.spectron.core.embedding.Embedder;
import dev.spectron.core.embedding.RecentTextsEmbedder;
import dev.spectron.core.embedding.EmbeddingSpec;
import dev.spectron.core.model.ModelException;
import dev.spectron.models.Embedders;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedder a context's configuration names ({@code config.models.embedding}; the in-process
 * {@value EmbeddingSpec#DEFAULT} when unset). Resolved embedders are shared, so an in-process model
 * loads once per process, and a spec that cannot be resolved is refused when it is configured.
 */
public final class EmbedderCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(EmbedderCatalog.class);

    private static final ModelChoice DEFAULT = new ModelChoice(EmbeddingSpec.DEFAULT);

    private final Map<List<Object>, Embedder> cache = new ConcurrentHashMap<>();
    private final Embedders factory;

    public EmbedderCatalog(Embedders factory) {
        this.factory = factory;
    }

    public Embedder forConfig(ContextConfig config) {
        ModelChoice choice = config.models().embedding().orElse(DEFAULT);
        Map<String, String> keys = config.providerKeys();
        return cache.computeIfAbsent(List.of(choice.raw(), keys), key -> new RecentTextsEmbedder(factory.resolve(choice.embeddingModel(), keys)));
    }

    /** Refuses an embedding model that does not resolve (unknown name, missing key). */
    public void validate(ContextConfig config) {
        try {
            forConfig(config);
        } catch (ModelException e) {
            throw new InvalidInputException("config.models.embedding", "config.models.embedding: " + e.getMessage());
        }
    }

    /** Loads the default in-process model in the background, so the first turn after a start does not wait for it. */
    public void warmUpDefault() {
        Thread.ofVirtual().name("spectron-embedder-warm-up").start(() -> {
            try {
                forConfig(ContextConfig.empty()).embed("warm up");
            } catch (RuntimeException e) {
                LOG.warn("could not load the default embedding model at start: {}", e.getMessage());
            }
        });
    }
}
