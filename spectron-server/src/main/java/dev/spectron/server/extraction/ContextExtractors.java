package dev.spectron.server.extraction;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.context.ContextService;
import dev.spectron.core.extraction.model.ExtractionModelStage;
import dev.spectron.core.extraction.model.Vocabulary;
import dev.spectron.core.ingest.ExtractionPipeline;
import dev.spectron.core.ingest.Extractor;
import dev.spectron.core.ingest.ExtractorProvider;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.server.models.ContextModels;

/**
 * Each context's extractor: the stage-0 heuristics always, followed by the context's extraction
 * model when {@code config.models.extraction} names one.
 */
public final class ContextExtractors implements ExtractorProvider {
    private final Extractor heuristics;
    private final ContextService contexts;
    private final ContextModels models;
    private final MemoryStore store;

    public ContextExtractors(Extractor heuristics, ContextService contexts, ContextModels models, MemoryStore store) {
        this.heuristics = heuristics;
        this.contexts = contexts;
        this.models = models;
        this.store = store;
    }

    @Override
    public Extractor forContext(ContextId contextId) {
        Extractor model = models.extraction(contexts.get(contextId).config())
                .map(resolved -> (Extractor) new ExtractionModelStage(resolved.model(), resolved.id(), () -> vocabulary(contextId)))
                .orElse(null);
        return new ExtractionPipeline(heuristics, model);
    }

    private Vocabulary vocabulary(ContextId contextId) {
        return store.read(tx -> new Vocabulary(
                tx.entities().list(contextId, null, Vocabulary.MAX_ENTITIES, 0).stream()
                        .map(e -> e.ref().name() + " (" + e.ref().type().wireName() + ")").toList(),
                tx.attributes().topKeys(contextId, Vocabulary.MAX_KEYS),
                tx.relations().topLabels(contextId, Vocabulary.MAX_LABELS)));
    }
}
