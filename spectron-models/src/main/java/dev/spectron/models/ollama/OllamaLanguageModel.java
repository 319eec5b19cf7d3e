package dev.spectron.models.ollama;

import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.spectron.core.model.ModelProvider;
import dev.spectron.models.chat.ChatLanguageModel;
import dev.spectron.models.chat.ProviderConfig;
import dev.spectron.models.http.ProviderHttpClientBuilder;

/**
 * Ollama's native API ({@code /api/chat}); no key. Structured output is sent as {@code format}
 * holding the JSON schema (Ollama 0.5+; older servers ignore it and the tolerant parse and repair
 * still apply). Streams newline-delimited JSON. For Ollama's OpenAI-compatible {@code /v1}, use
 * the {@code openai} provider with a base URL instead.
 */
public final class OllamaLanguageModel extends ChatLanguageModel {

    public static final String DEFAULT_BASE_URL = "http://localhost:11434";

    private OllamaLanguageModel(ProviderConfig config) {
        super(ModelProvider.OLLAMA, config, chatModel(config), streamingModel(config));
    }

    public static OllamaLanguageModel create(ProviderConfig config) {
        return new OllamaLanguageModel(config);
    }

    private static OllamaChatModel chatModel(ProviderConfig config) {
        return OllamaChatModel.builder()
                .httpClientBuilder(new ProviderHttpClientBuilder())
                .baseUrl(config.baseUrl())
                .modelName(config.model())
                .timeout(config.options().timeout())
                .maxRetries(0)
                .build();
    }

    private static OllamaStreamingChatModel streamingModel(ProviderConfig config) {
        return OllamaStreamingChatModel.builder()
                .httpClientBuilder(new ProviderHttpClientBuilder())
                .baseUrl(config.baseUrl())
                .modelName(config.model())
                .timeout(config.options().timeout())
                .build();
    }
}
