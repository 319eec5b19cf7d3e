package dev.spectron.models.anthropic;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.spectron.core.model.ModelProvider;
import dev.spectron.models.chat.ChatLanguageModel;
import dev.spectron.models.chat.ProviderConfig;
import dev.spectron.models.http.ProviderHttpClientBuilder;

/**
 * Anthropic's Messages API. Structured output is sent as {@code output_config.format} with the
 * JSON schema (Claude 4.5-generation models and newer; older models answer 400, reported as
 * {@code INVALID_REQUEST}). Streams over SSE.
 */
public final class AnthropicLanguageModel extends ChatLanguageModel {

    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com/v1";
    /** The Messages API requires {@code max_tokens}; LangChain4j's default of 1024 cuts extraction answers short. */
    private static final int DEFAULT_MAX_TOKENS = 4096;

    private AnthropicLanguageModel(ProviderConfig config) {
        super(ModelProvider.ANTHROPIC, config, chatModel(config), streamingModel(config));
    }

    public static AnthropicLanguageModel create(ProviderConfig config) {
        return new AnthropicLanguageModel(config);
    }

    private static AnthropicChatModel chatModel(ProviderConfig config) {
        return AnthropicChatModel.builder()
                .httpClientBuilder(new ProviderHttpClientBuilder())
                .baseUrl(config.baseUrl())
                .apiKey(config.apiKey())
                .modelName(config.model())
                .maxTokens(DEFAULT_MAX_TOKENS)
                .timeout(config.options().timeout())
                .maxRetries(0)
                .build();
    }

    private static AnthropicStreamingChatModel streamingModel(ProviderConfig config) {
        return AnthropicStreamingChatModel.builder()
                .httpClientBuilder(new ProviderHttpClientBuilder())
                .baseUrl(config.baseUrl())
                .apiKey(config.apiKey())
                .modelName(config.model())
                .maxTokens(DEFAULT_MAX_TOKENS)
                .timeout(config.options().timeout())
                .build();
    }
}
