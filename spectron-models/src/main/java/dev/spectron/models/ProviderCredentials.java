package dev.spectron.models;

import dev.spectron.core.model.ModelProvider;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Provider keys and endpoints from the server's environment. The only reader of
 * {@code System.getenv} in this module is {@link #fromEnvironment()}; tests and the server's
 * config pass a map instead.
 */
public final class ProviderCredentials {

    private final Function<String, String> variables;

    private ProviderCredentials(Function<String, String> variables) {
        this.variables = variables;
    }

    public static ProviderCredentials fromEnvironment() {
        return new ProviderCredentials(System::getenv);
    }

    public static ProviderCredentials of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return new ProviderCredentials(copy::get);
    }

    /** The environment variables that may hold {@code provider}'s key, in order of preference. */
    public static List<String> keyVariables(ModelProvider provider) {
        return switch (provider) {
            case OPENAI -> List.of("OPENAI_API_KEY");
            case ANTHROPIC -> List.of("ANTHROPIC_API_KEY");
            case GEMINI -> List.of("GEMINI_API_KEY", "GOOGLE_API_KEY");
            case OLLAMA, BUILTIN -> List.of();
        };
    }

    /** The environment variable that may override {@code provider}'s base URL, if it has one. */
    public static Optional<String> baseUrlVariable(ModelProvider provider) {
        return switch (provider) {
            case OPENAI -> Optional.of("OPENAI_BASE_URL");
            case OLLAMA -> Optional.of("OLLAMA_BASE_URL");
            case ANTHROPIC, GEMINI, BUILTIN -> Optional.empty();
        };
    }

    public Optional<String> apiKey(ModelProvider provider) {
        return keyVariables(provider).stream().map(this::value).flatMap(Optional::stream).findFirst();
    }

    public Optional<String> baseUrl(ModelProvider provider) {
        return baseUrlVariable(provider).flatMap(this::value);
    }

    private Optional<String> value(String name) {
        String value = variables.apply(Objects.requireNonNull(name));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    @Override
    public String toString() {
        return "ProviderCredentials[values hidden]";
    }
}
