package dev.spectron.core.embedding;

import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which embedding model a context uses, as written in {@code config.models.embedding}: either
 * {@code "provider/model"} or {@code {provider, model, base_url?, api_key?, dimensions?}}.
 *
 * <p>{@code onnx} runs in-process and takes one of {@link #ONNX_MODELS} only. The other providers
 * take any model name; {@code openai} with a {@code base_url} is any OpenAI-compatible server.
 *
 * @param baseUrl {@code null} for the provider's default endpoint (or its environment variable)
 * @param apiKey {@code null} to take the key from the context's providers or the environment;
 *     never printed by {@link #toString()}
 * @param dimensions {@code null} for the model's own size. Otherwise the size of its vectors: for a
 *     model whose native size is known, a smaller value asks the provider to shorten them (OpenAI
 *     {@code dimensions}, Gemini {@code outputDimensionality}); for any other model it declares
 *     what the server returns, and is required.
 */
public record EmbeddingSpec(EmbeddingProvider provider, String model, String baseUrl, String apiKey, Integer dimensions) {

    /** The in-process models, from the LangChain4j ONNX artifacts; {@code -q} marks the quantised ones. */
    public static final List<String> ONNX_MODELS =
            List.of("all-minilm-l6-v2", "all-minilm-l6-v2-q", "bge-small-en-v1.5", "bge-small-en-v1.5-q");
    /**
     * What a context embeds with unless it says otherwise (DESIGN.md §4): offline, no key.
     * bge-small-en-v1.5 beat all-MiniLM-L6-v2 on LoCoMo evidence recall by 0.17 (vector alone,
     * turn R_frac@10, first two conversations) at the same 384 dimensions; its int8-quantised
     * variant recalls the same in the default mode (within 0.003 on all ten conversations) in
     * half the time per text or less, and that time is most of a chat's retrieval
     * (docs/benchmarks.md).
     */
    public static final String DEFAULT = "onnx/bge-small-en-v1.5-q";

    private static final String UNKNOWN_PROVIDER = "unknown";
    private static final List<String> MAP_KEYS =
            List.of("provider", "model", "base_url", "baseUrl", "api_key", "apiKey", "dimensions");
    private static final String OPTIONS = "supported: "
            + String.join(", ", ONNX_MODELS.stream().map(m -> "\"onnx/" + m + "\"").toList()) + " (in-process); "
            + "\"openai/<model>\" (e.g. \"openai/text-embedding-3-small\"; any OpenAI-compatible server with base_url), "
            + "\"gemini/<model>\" (e.g. \"gemini/text-embedding-004\"), \"ollama/<model>\" (e.g. \"ollama/nomic-embed-text\"); "
            + "or {\"provider\": \"openai\", \"model\": \"bge-m3\", \"base_url\": \"http://localhost:8000/v1\", \"dimensions\": 1024}";

    public EmbeddingSpec {
        Objects.requireNonNull(provider, "provider");
        if (model == null || model.isBlank()) {
            throw misconfigured(provider.id(), "the embedding model name is empty for provider '" + provider.id()
                    + "'; " + OPTIONS);
        }
        model = model.strip();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        if (provider == EmbeddingProvider.ONNX) {
            model = checkedOnnxModel(model, baseUrl, apiKey, dimensions);
        } else if (baseUrl != null) {
            baseUrl = ModelSpec.of(provider.remote().orElseThrow(), model).withBaseUrl(baseUrl).baseUrl();
        }
        if (dimensions != null && (dimensions < 1 || dimensions > EmbedderId.MAX_DIMENSION)) {
            throw misconfigured(provider.id(), "\"dimensions\" must be 1.." + EmbedderId.MAX_DIMENSION + "; got " + dimensions);
        }
    }

    public static EmbeddingSpec of(EmbeddingProvider provider, String model) {
        return new EmbeddingSpec(provider, model, null, null, null);
    }

    /** The {@link #DEFAULT} in-process model. */
    public static EmbeddingSpec defaultSpec() {
        return parse(DEFAULT);
    }

    /**
     * Reads a config value: a {@code "provider/model"} string or a map.
     *
     * @throws ModelException {@code MISCONFIGURED} naming what is wrong and listing what is accepted
     */
    public static EmbeddingSpec parse(Object value) {
        if (value instanceof String text) {
            return parseString(text.strip());
        }
        if (value instanceof Map<?, ?> map) {
            return parseMap(map);
        }
        throw misconfigured(UNKNOWN_PROVIDER, "an embedding spec must be a \"provider/model\" string or an object; got "
                + (value == null ? "nothing" : value.getClass().getSimpleName()) + "; " + OPTIONS);
    }

    private static EmbeddingSpec parseString(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw misconfigured(UNKNOWN_PROVIDER, "'" + text + "' is not an embedding spec; " + OPTIONS);
        }
        return of(provider(text.substring(0, slash).strip()), text.substring(slash + 1));
    }

    private static EmbeddingSpec parseMap(Map<?, ?> map) {
        Set<String> unknown = new LinkedHashSet<>();
        map.keySet().forEach(key -> {
            if (!MAP_KEYS.contains(String.valueOf(key))) {
                unknown.add(String.valueOf(key));
            }
        });
        if (!unknown.isEmpty()) {
            throw misconfigured(UNKNOWN_PROVIDER, "unknown embedding spec field(s) " + unknown
                    + "; accepted: provider, model, base_url (or baseUrl), api_key (or apiKey), dimensions");
        }
        if (!(map.get("provider") instanceof String providerId) || providerId.isBlank()) {
            throw misconfigured(UNKNOWN_PROVIDER, "the embedding spec has no \"provider\"; " + OPTIONS);
        }
        EmbeddingProvider provider = provider(providerId.strip());
        return new EmbeddingSpec(provider, text(map, "model", null), text(map, "base_url", "baseUrl"),
                text(map, "api_key", "apiKey"), dimensions(provider, map.get("dimensions")));
    }

    private static EmbeddingProvider provider(String id) {
        return EmbeddingProvider.fromId(id).orElseThrow(() -> misconfigured(UNKNOWN_PROVIDER,
                "unknown embedding provider '" + id + "'; " + OPTIONS));
    }

    private static String text(Map<?, ?> map, String key, String alias) {
        Object value = map.containsKey(key) || alias == null ? map.get(key) : map.get(alias);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        // the type only: the value may be a key
        throw misconfigured(UNKNOWN_PROVIDER, "embedding spec field \"" + key + "\" must be a string; got a "
                + value.getClass().getSimpleName());
    }

    private static Integer dimensions(EmbeddingProvider provider, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) <= EmbedderId.MAX_DIMENSION) {
            return number.intValue();
        }
        throw misconfigured(provider.id(), "embedding spec field \"dimensions\" must be a whole number; got " + value);
    }

    private static String checkedOnnxModel(String model, String baseUrl, String apiKey, Integer dimensions) {
        String name = model.toLowerCase(Locale.ROOT);
        if (!ONNX_MODELS.contains(name)) {
            throw misconfigured(EmbeddingProvider.ONNX.id(), "unknown in-process embedding model 'onnx/" + model + "'; " + OPTIONS);
        }
        if (baseUrl != null || apiKey != null || dimensions != null) {
            throw misconfigured(EmbeddingProvider.ONNX.id(), "onnx/" + name
                    + " runs in-process with a fixed size: base_url, api_key and dimensions do not apply");
        }
        return name;
    }

    private static ModelException misconfigured(String provider, String message) {
        return new ModelException(ModelException.Kind.MISCONFIGURED, provider, message);
    }

    /** {@code "provider/model"}, as stored in {@link EmbedderId#model()}. */
    public String id() {
        return provider.id() + "/" + model;
    }

    /** The provider side of a remote spec, for the shared key and base-URL lookup; empty for ONNX. */
    public Optional<ModelSpec> providerSpec() {
        return provider.remote().map(remote -> new ModelSpec(remote, model, baseUrl, apiKey));
    }

    @Override
    public String toString() {
        return "EmbeddingSpec[" + id() + (baseUrl == null ? "" : " at " + baseUrl)
                + (dimensions == null ? "" : ", " + dimensions + "d") + (apiKey == null ? "" : ", api_key=***") + "]";
    }
}
