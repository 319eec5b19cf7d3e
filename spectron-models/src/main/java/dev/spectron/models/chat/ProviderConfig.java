package dev.spectron.models.chat;

import java.util.Objects;

/**
 * Everything a provider adapter needs, resolved: the factory has applied defaults and checked
 * that a key is present where one is required.
 *
 * @param model the provider's model name
 * @param baseUrl the API root, without a trailing slash
 * @param apiKey {@code null} where none is needed (Ollama, an OpenAI-compatible local server)
 */
public record ProviderConfig(String model, String baseUrl, String apiKey, ModelOptions options) {

    public ProviderConfig {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(options, "options");
    }

    @Override
    public String toString() {
        return "ProviderConfig[" + model + " at " + baseUrl + (apiKey == null ? "" : ", apiKey=***") + ", " + options + "]";
    }
}
