package dev.spectron.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The model providers a context may name in {@code config.models}. */
public enum ModelProvider {
    BUILTIN, OPENAI, ANTHROPIC, GEMINI, OLLAMA;

    /**
     * How every reply of the offline builtin model begins. Such a reply only restates memory, so it
     * is never indexed or retrieved as memory itself (issue 16).
     */
    public static final String BUILTIN_REPLY_LABEL = "[builtin, no LLM configured]";

    /** The name used in configuration: {@code "openai/gpt-4o-mini"} starts with it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ModelProvider> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst();
    }

    /** {@code "builtin, openai, anthropic, gemini, ollama"}, for error messages. */
    public static String supportedIds() {
        return Arrays.stream(values()).map(ModelProvider::id).collect(Collectors.joining(", "));
    }
}
