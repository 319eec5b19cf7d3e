package dev.spectron.models;

import dev.spectron.core.model.LanguageModel;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelSpec;
import dev.spectron.models.anthropic.AnthropicLanguageModel;
import dev.spectron.models.builtin.BuiltinLanguageModel;
import dev.spectron.models.chat.ModelOptions;
import dev.spectron.models.gemini.GeminiLanguageModel;
import dev.spectron.models.ollama.OllamaLanguageModel;
import dev.spectron.models.openai.OpenAiLanguageModel;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves a {@link ModelSpec} into a ready {@link LanguageModel}, or fails at once with a
 * {@code MISCONFIGURED} {@link ModelException} saying what is missing and where to set it, so a
 * bad configuration is reported when it is saved, not at the first turn. Keys and base URLs are
 * looked up as {@link ProviderConfigResolver} describes.
 */
public final class LanguageModels {

    private final ProviderConfigResolver configs;

    private LanguageModels(ProviderCredentials credentials, ModelOptions options) {
        this.configs = new ProviderConfigResolver(credentials, options);
    }

    public static LanguageModels create(ProviderCredentials credentials, ModelOptions options) {
        return new LanguageModels(credentials, options);
    }

    /**
     * @param contextKeys the context's write-only provider keys, by provider id ({@code "openai"} → key)
     * @throws ModelException {@code MISCONFIGURED} when a key is required and none is found, or an
     *     environment base URL is not an http(s) URL
     */
    public LanguageModel resolve(ModelSpec spec, Map<String, String> contextKeys) {
        return resolve(spec, contextKeys, null);
    }

    /**
     * Like {@link #resolve(ModelSpec, Map)}, with every call of the model bounded by {@code deadline}
     * in all (retries included); {@code null} keeps the factory's default deadline.
     */
    public LanguageModel resolve(ModelSpec spec, Map<String, String> contextKeys, Duration deadline) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(contextKeys, "contextKeys");
        return switch (spec.provider()) {
            case BUILTIN -> new BuiltinLanguageModel();
            case OPENAI -> OpenAiLanguageModel.create(configs.resolve(spec, contextKeys, OpenAiLanguageModel.DEFAULT_BASE_URL, deadline));
            case ANTHROPIC -> AnthropicLanguageModel.create(configs.resolve(spec, contextKeys, AnthropicLanguageModel.DEFAULT_BASE_URL,
                    deadline));
            case GEMINI -> GeminiLanguageModel.create(configs.resolve(spec, contextKeys, GeminiLanguageModel.DEFAULT_BASE_URL, deadline));
            case OLLAMA -> OllamaLanguageModel.create(configs.resolve(spec, contextKeys, OllamaLanguageModel.DEFAULT_BASE_URL, deadline));
        };
    }
}
