package dev.spectron.core.ingest;

import dev.spectron.core.context.ContextId;

/** Gives each context its extractor, as its configuration says (heuristics, plus a model when configured). */
@FunctionalInterface
public interface ExtractorProvider {
    Extractor forContext(ContextId contextId);
}
