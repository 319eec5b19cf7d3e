package dev.spectron.models;

import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelProvider;
import dev.spectron.core.model.ModelSpec;
import dev.spectron.models.chat.ModelOptions;
import dev.spectron.models.chat.ProviderConfig;
import dev.spectron.models.openai.OpenAiLanguageModel;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key and base-URL lookup shared by {@link LanguageModels} and {@link Embedders}. A key is
 * taken from, in order: the spec's {@code api_key}, the context's write-only {@code providers}
 * map, the environment. A base URL from the spec, then the environment ({@code OPENAI_BASE_URL},
 * {@code OLLAMA_BASE_URL}), then the provider's public endpoint. {@code openai} pointed anywhere
 * but api.openai.com is an OpenAI-compatible server and needs no key.
 */
final class ProviderConfigResolver {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderConfigResolver.class);
    private static final String OPENAI_HOST = URI.create(OpenAiLanguageModel.DEFAULT_BASE_URL).getHost();

    private final ProviderCredentials credentials;
    private final ModelOptions options;

    ProviderConfigResolver(ProviderCredentials credentials, ModelOptions options) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @throws ModelException {@code MISCONFIGURED} when a key is required and none is found, or an
     *     environment base URL is not an http(s) URL
     */
    ProviderConfig resolve(ModelSpec spec, Map<String, String> contextKeys, String defaultBaseUrl) {
        return resolve(spec, contextKeys, defaultBaseUrl, null);
    }

    /** @param deadline every call's total deadline; {@code null} for the configured options' own */
    ProviderConfig resolve(ModelSpec spec, Map<String, String> contextKeys, String defaultBaseUrl, Duration deadline) {
        Objects.requireNonNull(contextKeys, "contextKeys");
        String baseUrl = baseUrl(spec).orElse(defaultBaseUrl);
        String apiKey = apiKey(spec, contextKeys, baseUrl);
        LOG.debug("resolved {} at {} ({})", spec.id(), baseUrl, apiKey == null ? "no key" : "key configured");
        return new ProviderConfig(spec.model(), baseUrl, apiKey, deadline == null ? options : options.withDeadline(deadline));
    }

    private Optional<String> baseUrl(ModelSpec spec) {
        if (spec.baseUrl() != null) {
            return Optional.of(spec.baseUrl());
        }
        return credentials.baseUrl(spec.provider()).map(url -> {
            try {
                return spec.withBaseUrl(url).baseUrl();
            } catch (ModelException e) {
                String variable = ProviderCredentials.baseUrlVariable(spec.provider()).orElseThrow();
                throw new ModelException(ModelException.Kind.MISCONFIGURED, spec.provider().id(),
                        "environment variable " + variable + ": " + e.getMessage(), e);
            }
        });
    }

    private String apiKey(ModelSpec spec, Map<String, String> contextKeys, String baseUrl) {
        ModelProvider provider = spec.provider();
        Optional<String> key = Optional.ofNullable(spec.apiKey())
                .or(() -> Optional.ofNullable(contextKeys.get(provider.id())).filter(k -> !k.isBlank()).map(String::strip))
                .or(() -> credentials.apiKey(provider));
        if (key.isEmpty() && needsKey(provider, baseUrl)) {
            throw new ModelException(ModelException.Kind.MISCONFIGURED, provider.id(), missingKeyMessage(spec));
        }
        return key.orElse(null);
    }

    private static boolean needsKey(ModelProvider provider, String baseUrl) {
        return switch (provider) {
            case OPENAI -> OPENAI_HOST.equalsIgnoreCase(URI.create(baseUrl).getHost());
            case ANTHROPIC, GEMINI -> true;
            case OLLAMA, BUILTIN -> false;
        };
    }

    private static String missingKeyMessage(ModelSpec spec) {
        String provider = spec.provider().id();
        String message = spec.id() + " needs an API key and none is configured: set "
                + String.join(" or ", ProviderCredentials.keyVariables(spec.provider()))
                + " in the server's environment, or the context's write-only config \"providers\": {\""
                + provider + "\": \"<key>\"}, or \"api_key\" in the model spec";
        return spec.provider() == ModelProvider.OPENAI
                ? message + "; for an OpenAI-compatible server (vLLM, llama.cpp, LM Studio, Ollama /v1) "
                        + "set its base_url instead"
                : message;
    }
}
