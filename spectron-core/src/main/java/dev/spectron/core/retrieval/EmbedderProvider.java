package dev.spectron.core.retrieval;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.embedding.Embedder;

/** Gives each context its embedder ({@code config.models.embedding}, the in-process ONNX model by default). */
@FunctionalInterface
public interface EmbedderProvider {
    Embedder forContext(ContextId contextId);
}
