package dev.spectron.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to send to a model: a system prompt, the conversation in order, and optional sampling limits.
 *
 * @param systemPrompt instructions placed where the provider expects them; empty for none
 * @param messages at least one message, oldest first
 * @param temperature {@code null} for the provider's default, else 0–2
 * @param maxTokens {@code null} for the provider's default, else the cap on generated tokens
 */
public record ModelRequest(String systemPrompt, List<ModelMessage> messages, Double temperature, Integer maxTokens) {

    private static final double MAX_TEMPERATURE = 2.0;

    public ModelRequest {
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a model request needs at least one message");
        }
        if (temperature != null && (temperature < 0 || temperature > MAX_TEMPERATURE)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2; got " + temperature);
        }
        if (maxTokens != null && maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive; got " + maxTokens);
        }
    }

    public static ModelRequest of(String systemPrompt, List<ModelMessage> messages) {
        return new ModelRequest(systemPrompt, messages, null, null);
    }

    public ModelRequest withTemperature(Double value) {
        return new ModelRequest(systemPrompt, messages, value, maxTokens);
    }

    public ModelRequest withMaxTokens(Integer value) {
        return new ModelRequest(systemPrompt, messages, temperature, value);
    }

    /** This request with more messages appended, as when asking a model to repair its answer. */
    public ModelRequest followedBy(ModelMessage... more) {
        List<ModelMessage> all = new ArrayList<>(messages);
        all.addAll(List.of(more));
        return new ModelRequest(systemPrompt, all, temperature, maxTokens);
    }
}
