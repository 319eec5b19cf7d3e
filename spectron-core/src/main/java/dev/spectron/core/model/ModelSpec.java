package dev.spectron.core.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which model a context uses for a task, as written in {@code config.models.extraction} or
 * {@code config.models.response}: either {@code "provider/model"} or
 * {@code {provider, model, base_url?, api_key?}}.
 *
 * <p>The string form splits at the first {@code /}, so model names may contain slashes and
 * colons ({@code "ollama/llama3.1:8b"}, {@code "openai/meta-llama/Llama-3.1-8B"}). {@code "builtin"}
 * alone is accepted, since the offline provider has a single model.
 *
 * @param baseUrl {@code null} for the provider's default endpoint (or its environment variable)
 * @param apiKey {@code null} to take the key from the context's providers or the environment;
 *     never printed by {@link #toString()}
 */
public record ModelSpec(ModelProvider provider, String model, String baseUrl, String apiKey) {

    private static final String BUILTIN_MODEL = "builtin";
    /** The provider named on failures found before the provider is known. */
    private static final String UNKNOWN_PROVIDER = "unknown";
    private static final List<String> MAP_KEYS = List.of("provider", "model", "base_url", "baseUrl", "api_key", "apiKey");
    private static final String EXAMPLES = "e.g. \"openai/gpt-4o-mini\", \"ollama/llama3.1:8b\" or "
            + "{\"provider\": \"openai\", \"model\": \"qwen2.5\", \"base_url\": \"http://localhost:8000/v1\"}";

    public ModelSpec {
        Objects.requireNonNull(provider, "provider");
        if (model == null || model.isBlank()) {
            throw misconfigured(provider.id(), "the model name is empty for provider '" + provider.id()
                    + "': write \"" + provider.id() + "/<model>\", " + EXAMPLES);
        }
        model = model.strip();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : checkedBaseUrl(provider, baseUrl.strip());
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }

    public static ModelSpec of(ModelProvider provider, String model) {
        return new ModelSpec(provider, model, null, null);
    }

    public static ModelSpec builtin() {
        return of(ModelProvider.BUILTIN, BUILTIN_MODEL);
    }

    /**
     * Reads a config value: a {@code "provider/model"} string or a map.
     *
     * @throws ModelException {@link ModelException.Kind#MISCONFIGURED} naming what is wrong and how
     *     to write it
     */
    public static ModelSpec parse(Object value) {
        if (value instanceof String text) {
            return parseString(text.strip());
        }
        if (value instanceof Map<?, ?> map) {
            return parseMap(map);
        }
        throw misconfigured("a model spec must be a \"provider/model\" string or an object; got "
                + (value == null ? "nothing" : value.getClass().getSimpleName()) + ", " + EXAMPLES);
    }

    private static ModelSpec parseString(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            if (text.equals(ModelProvider.BUILTIN.id())) {
                return builtin();
            }
            ModelProvider known = ModelProvider.fromId(text).orElse(null);
            if (known == null) {
                throw misconfigured("'" + text + "' is not a model spec: expected \"provider/model\", " + EXAMPLES);
            }
            throw misconfigured(known.id(),
                    "the model name is missing in '" + text + "': write \"" + text + "/<model>\", " + EXAMPLES);
        }
        return new ModelSpec(provider(text.substring(0, slash).strip()), text.substring(slash + 1), null, null);
    }

    private static ModelSpec parseMap(Map<?, ?> map) {
        Set<String> unknown = new LinkedHashSet<>();
        map.keySet().forEach(key -> {
            if (!MAP_KEYS.contains(String.valueOf(key))) {
                unknown.add(String.valueOf(key));
            }
        });
        if (!unknown.isEmpty()) {
            throw misconfigured("unknown model spec field(s) " + unknown
                    + "; accepted: provider, model, base_url (or baseUrl), api_key (or apiKey)");
        }
        if (!(map.get("provider") instanceof String providerId) || providerId.isBlank()) {
            throw misconfigured("the model spec has no \"provider\"; supported: " + ModelProvider.supportedIds());
        }
        ModelProvider provider = provider(providerId.strip());
        String model = text(map, "model", null);
        if (provider == ModelProvider.BUILTIN && model == null) {
            model = BUILTIN_MODEL;
        }
        return new ModelSpec(provider, model, text(map, "base_url", "baseUrl"), text(map, "api_key", "apiKey"));
    }

    private static ModelProvider provider(String id) {
        return ModelProvider.fromId(id).orElseThrow(() -> misconfigured(
                "unknown model provider '" + id + "'; supported: " + ModelProvider.supportedIds()));
    }

    private static String text(Map<?, ?> map, String key, String alias) {
        Object value = map.containsKey(key) || alias == null ? map.get(key) : map.get(alias);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        // the type only: the value may be a key
        throw misconfigured("model spec field \"" + key + "\" must be a string; got a " + value.getClass().getSimpleName());
    }

    private static String checkedBaseUrl(ModelProvider provider, String url) {
        try {
            URI uri = new URI(url);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (http && uri.getHost() != null) {
                return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            }
        } catch (URISyntaxException e) {
            // reported below with the same advice as a URL with no scheme or host
        }
        throw misconfigured(provider.id(), "base_url '" + url + "' for provider '" + provider.id()
                + "' is not an http(s) URL with a host; write it like \"http://localhost:8000/v1\"");
    }

    private static ModelException misconfigured(String message) {
        return misconfigured(UNKNOWN_PROVIDER, message);
    }

    private static ModelException misconfigured(String provider, String message) {
        return new ModelException(ModelException.Kind.MISCONFIGURED, provider, message);
    }

    /** This spec pointed at {@code url}, checked like a configured {@code base_url}. */
    public ModelSpec withBaseUrl(String url) {
        return new ModelSpec(provider, model, url, apiKey);
    }

    /** {@code "provider/model"}, the short form used in logs and traces. */
    public String id() {
        return provider.id() + "/" + model;
    }

    @Override
    public String toString() {
        return "ModelSpec[" + id() + (baseUrl == null ? "" : " at " + baseUrl) + (apiKey == null ? "" : ", api_key=***") + "]";
    }
}
