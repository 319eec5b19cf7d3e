package dev.spectron.models.gemini;

import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.spectron.core.model.ModelProvider;
import dev.spectron.models.chat.ChatLanguageModel;
import dev.spectron.models.chat.ProviderConfig;
import dev.spectron.models.http.ProviderHttpClientBuilder;

/**
 * Google's Gemini API ({@code generateContent}; the key travels in the {@code x-goog-api-key}
 * header, never in the URL). Structured output is sent as {@code generationConfig.responseJsonSchema}
 * with {@code responseMimeType: application/json}: the field that takes a plain JSON Schema, where
 * the older {@code responseSchema} takes only an OpenAPI subset. Streams over SSE
 * ({@code streamGenerateContent?alt=sse}).
 */
public final class GeminiLanguageModel extends ChatLanguageModel {

    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";

    private GeminiLanguageModel(ProviderConfig config) {
        super(ModelProvider.GEMINI, config, chatModel(config), streamingModel(config));
    }

    public static GeminiLanguageModel create(ProviderConfig config) {
        return new GeminiLanguageModel(config);
    }

    private static GoogleAiGeminiChatModel chatModel(ProviderConfig config) {
        return GoogleAiGeminiChatModel.builder()
                .httpClientBuilder(new ProviderHttpClientBuilder())
                .baseUrl(config.baseUrl())
                .apiKey(config.apiKey())
                .modelName(config.model())
                .timeout(config.options().timeout())
                .maxRetries(0)
                .build();
    }

    private static GoogleAiGeminiStreamingChatModel streamingModel(ProviderConfig config) {
        return GoogleAiGeminiStreamingChatModel.builder()
                .httpClientBuilder(new ProviderHttpClientBuilder())
                .baseUrl(config.baseUrl())
                .apiKey(config.apiKey())
                .modelName(config.model())
                .timeout(config.options().timeout())
                .build();
    }
}
