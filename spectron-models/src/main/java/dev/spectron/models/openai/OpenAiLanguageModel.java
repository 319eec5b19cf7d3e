package dev.spectron.models.openai;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.spectron.core.model.ModelProvider;
import dev.spectron.models.chat.ChatLanguageModel;
import dev.spectron.models.chat.ProviderConfig;
import dev.spectron.models.http.ProviderHttpClientBuilder;

/**
 * OpenAI's Chat Completions API, and any server that speaks it at another base URL (vLLM,
 * llama.cpp server, LM Studio, Ollama's {@code /v1}, Groq, OpenRouter). Structured output is sent
 * as {@code response_format: {type: json_schema}} (non-strict, so any schema is accepted;
 * compatible servers that ignore it still get the tolerant parse and repair). Streams over SSE.
 */
public final class OpenAiLanguageModel extends ChatLanguageModel {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private OpenAiLanguageModel(ProviderConfig config) {
        super(ModelProvider.OPENAI, config, chatModel(config), streamingModel(config));
    }

    /** @param config its {@code apiKey} may be {@code null} for a server that needs none: no Authorization header is sent */
    public static OpenAiLanguageModel create(ProviderConfig config) {
        return new OpenAiLanguageModel(config);
    }

    private static OpenAiChatModel chatModel(ProviderConfig config) {
        return OpenAiChatModel.builder()
                .httpClientBuilder(new ProviderHttpClientBuilder())
                .baseUrl(config.baseUrl())
                .apiKey(config.apiKey())
                .modelName(config.model())
                .timeout(config.options().timeout())
                .maxRetries(0)
                .build();
    }

    private static OpenAiStreamingChatModel streamingModel(ProviderConfig config) {
        return OpenAiStreamingChatModel.builder()
                .httpClientBuilder(new ProviderHttpClientBuilder())
                .baseUrl(config.baseUrl())
                .apiKey(config.apiKey())
                .modelName(config.model())
                .timeout(config.options().timeout())
                .build();
    }
}
