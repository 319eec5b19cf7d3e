package dev.spectron.models.chat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.spectron.core.model.FinishReason;
import dev.spectron.core.model.JsonSchemaSpec;
import dev.spectron.core.model.ModelMessage;
import dev.spectron.core.model.ModelRequest;
import dev.spectron.core.model.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/** Translates between core's model values and LangChain4j's chat values; no I/O. */
final class ChatTranslation {

    private ChatTranslation() {
    }

    /**
     * The LangChain4j request for {@code request}; {@code schema} may be {@code null}. The schema
     * goes as a raw JSON Schema, which every adapter passes through unchanged: OpenAI
     * {@code response_format.json_schema}, Gemini {@code responseJsonSchema}, Ollama {@code format},
     * Anthropic {@code output_config.format}.
     */
    static ChatRequest toChatRequest(ModelRequest request, JsonSchemaSpec schema) {
        ChatRequest.Builder builder = ChatRequest.builder()
                .messages(toMessages(request))
                .temperature(request.temperature())
                .maxOutputTokens(request.maxTokens());
        if (schema != null) {
            builder.responseFormat(ResponseFormat.builder()
                    .type(ResponseFormatType.JSON)
                    .jsonSchema(JsonSchema.builder()
                            .name(schema.name())
                            .rootElement(JsonRawSchema.from(schema.schemaJson()))
                            .build())
                    .build());
        }
        return builder.build();
    }

    private static List<ChatMessage> toMessages(ModelRequest request) {
        List<ChatMessage> messages = new ArrayList<>();
        if (!request.systemPrompt().isBlank()) {
            messages.add(SystemMessage.from(request.systemPrompt()));
        }
        for (ModelMessage message : request.messages()) {
            messages.add(switch (message.role()) {
                case USER -> UserMessage.from(message.text());
                case ASSISTANT -> AiMessage.from(message.text());
            });
        }
        return messages;
    }

    static String text(ChatResponse response) {
        AiMessage message = response.aiMessage();
        return message == null || message.text() == null ? "" : message.text();
    }

    static String modelId(ChatResponse response, String configured) {
        return response.modelName() == null || response.modelName().isBlank() ? configured : response.modelName();
    }

    static TokenUsage usage(ChatResponse response) {
        dev.langchain4j.model.output.TokenUsage usage = response.tokenUsage();
        return usage == null ? TokenUsage.unknown() : new TokenUsage(usage.inputTokenCount(), usage.outputTokenCount());
    }

    static FinishReason finishReason(ChatResponse response) {
        if (response.finishReason() == null) {
            return FinishReason.OTHER;
        }
        return switch (response.finishReason()) {
            case STOP -> FinishReason.STOP;
            case LENGTH -> FinishReason.LENGTH;
            case CONTENT_FILTER -> FinishReason.CONTENT_FILTER;
            case TOOL_EXECUTION, OTHER -> FinishReason.OTHER;
        };
    }
}
