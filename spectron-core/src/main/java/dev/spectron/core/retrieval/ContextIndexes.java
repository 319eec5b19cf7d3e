package dev.spectron.core.retrieval;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.context.ContextService;

/** A context's lifecycle as its search indexes see it: re-embed on a new embedding model, free on delete. */
public final class ContextIndexes implements ContextService.IndexUpkeep {
    private final Reembedder reembedder;
    private final Retriever retriever;

    public ContextIndexes(Reembedder reembedder, Retriever retriever) {
        this.reembedder = reembedder;
        this.retriever = retriever;
    }

    @Override
    public void embeddingModelChanged(ContextId id) {
        reembedder.start(id);
    }

    @Override
    public void deleted(ContextId id) {
        retriever.forget(id);
    }
}
