package dev.spectron.core.embedding;

import dev.spectron.core.model.ModelProvider;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a context's embeddings come from: in-process ONNX, or a provider's embedding API. */
public enum EmbeddingProvider {
    ONNX(null), OPENAI(ModelProvider.OPENAI), GEMINI(ModelProvider.GEMINI), OLLAMA(ModelProvider.OLLAMA);

    private final ModelProvider remote;

    EmbeddingProvider(ModelProvider remote) {
        this.remote = remote;
    }

    /** The name used in configuration: {@code "onnx/all-minilm-l6-v2"} starts with it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language-model provider whose keys and base URL this one shares; empty for in-process ONNX. */
    public Optional<ModelProvider> remote() {
        return Optional.ofNullable(remote);
    }

    public static Optional<EmbeddingProvider> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst();
    }

    /** {@code "onnx, openai, gemini, ollama"}, for error messages. */
    public static String supportedIds() {
        return Arrays.stream(values()).map(EmbeddingProvider::id).collect(Collectors.joining(", "));
    }
}
