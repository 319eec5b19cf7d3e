package dev.spectron.core.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A model's answer.
 *
 * @param text the answer; for {@link LanguageModel#completeJson} the JSON object alone, as text
 * @param rawText what the model actually wrote (think blocks, fences and prose included); equals
 *     {@code text} for plain completions
 * @param modelId the model that answered, as the provider named it
 * @param usage tokens consumed, summed over every attempt that reached the model
 * @param latency wall time of the whole call, retries and repair included
 * @param finishReason why generation stopped
 */
public record ModelReply(
        String text, String rawText, String modelId, TokenUsage usage, Duration latency, FinishReason finishReason) {

    public ModelReply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(rawText, "rawText");
        Objects.requireNonNull(modelId, "modelId");
        usage = usage == null ? TokenUsage.unknown() : usage;
        Objects.requireNonNull(latency, "latency");
        finishReason = finishReason == null ? FinishReason.OTHER : finishReason;
    }

    /** A plain completion, where the text is exactly what the model wrote. */
    public static ModelReply plain(String text, String modelId, TokenUsage usage, Duration latency, FinishReason finishReason) {
        return new ModelReply(text, text, modelId, usage, latency, finishReason);
    }
}
