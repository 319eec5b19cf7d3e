package dev.spectron.core.context;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-context configuration: the JSON-shaped tree as stored ({@code Map}, {@code List}, strings,
 * numbers, booleans; unknown keys kept, so a config round-trips unchanged) and the settings read
 * from it once, typed: {@link #models()}, {@link #confidenceFloor()}, {@link #providerKeys()}.
 * Changes are JSON merge patches ({@link #merge}); whether the models resolve is checked where the
 * config is saved ({@code ContextService.ConfigValidator}), not here.
 *
 * <p>Provider secrets live under {@code providers} (and any {@code api_key} field); they are
 * write-only: {@link #publicView()} drops them and lists {@code providers_configured} instead.
 */
public final class ContextConfig {
    private static final String PROVIDERS = "providers";
    public static final double DEFAULT_CONFIDENCE_FLOOR = 0.7;
    private static final List<String> SECRET_FIELDS = List.of("api_key", "apiKey");

    private final Map<String, Object> tree;
    private final ModelSettings models;
    private final double confidenceFloor;
    private final Map<String, String> providerKeys;
    private final ExtractionMode extractionMode;

    private ContextConfig(Map<String, Object> tree) {
        this.tree = tree;
        this.models = ModelSettings.read(tree.get("models"));
        this.confidenceFloor = readConfidenceFloor(tree.get("reconciliation"));
        this.providerKeys = readProviderKeys(tree.get(PROVIDERS));
        this.extractionMode = ExtractionMode.read(tree.get("extraction"));
    }

    public static ContextConfig empty() {
        return new ContextConfig(Map.of());
    }

    public static ContextConfig of(Map<String, ?> tree) {
        return new ContextConfig(deepCopy(tree));
    }

    /** {@code config.models}: the configured model of each stage. */
    public ModelSettings models() {
        return models;
    }

    /** {@code reconciliation.confidence_floor}, within (0, 1]; 0.7 when unset or out of range. */
    public double confidenceFloor() {
        return confidenceFloor;
    }

    /** {@code extraction.mode}: when turns are extracted unless a request says; {@code sync} when unset. */
    public ExtractionMode extractionMode() {
        return extractionMode;
    }

    /**
     * Refuses settings that are read leniently once stored (a stored config must keep loading) but
     * must be right when saved: {@code extraction.mode}. The models are checked by the server, which
     * can resolve them.
     *
     * @throws dev.spectron.core.InvalidInputException naming the field
     */
    public void checkSettings() {
        ExtractionMode.check(tree.get("extraction"));
    }

    /** The write-only provider keys ({@code config.providers}), by provider id; blank entries left out. */
    public Map<String, String> providerKeys() {
        return providerKeys;
    }

    /** A stored floor that is not a number in (0, 1] falls back to the default, as it always has. */
    private static double readConfidenceFloor(Object reconciliation) {
        if (reconciliation instanceof Map<?, ?> map && map.get("confidence_floor") instanceof Number floor) {
            double value = floor.doubleValue();
            if (value > 0 && value <= 1) {
                return value;
            }
        }
        return DEFAULT_CONFIDENCE_FLOOR;
    }

    private static Map<String, String> readProviderKeys(Object providers) {
        Map<String, String> keys = new java.util.TreeMap<>();
        if (providers instanceof Map<?, ?> map) {
            map.forEach((name, key) -> {
                if (key instanceof String text && !text.isBlank()) {
                    keys.put(String.valueOf(name), text);
                }
            });
        }
        return Collections.unmodifiableMap(keys);
    }

    /** The whole tree, secrets included; for storage only. */
    public Map<String, Object> asMap() {
        return tree;
    }

    /**
     * JSON merge patch (RFC 7386): objects merge recursively, {@code null} removes a key, any other
     * value replaces it.
     */
    public ContextConfig merge(Map<String, ?> patch) {
        return new ContextConfig(mergeInto(tree, patch));
    }

    /** The configuration as callers may read it: secrets removed, configured provider names listed. */
    public Map<String, Object> publicView() {
        Map<String, Object> view = withoutSecrets(tree);
        view.remove(PROVIDERS);
        List<String> configured = new ArrayList<>();
        if (tree.get(PROVIDERS) instanceof Map<?, ?> providers) {
            providers.forEach((name, secret) -> {
                if (secret != null) {
                    configured.add(String.valueOf(name));
                }
            });
        }
        Collections.sort(configured);
        view.put("providers_configured", configured);
        return view;
    }

    private static Map<String, Object> mergeInto(Map<String, Object> base, Map<String, ?> patch) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        patch.forEach((key, value) -> {
            if (value == null) {
                result.remove(key);
            } else if (value instanceof Map<?, ?> patchChild && result.get(key) instanceof Map<?, ?> baseChild) {
                result.put(key, mergeInto(asStringMap(baseChild), asStringMap(patchChild)));
            } else {
                result.put(key, deepCopyValue(value));
            }
        });
        return Collections.unmodifiableMap(result);
    }

    private static Map<String, Object> withoutSecrets(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (SECRET_FIELDS.contains(key)) {
                return;
            }
            out.put(key, value instanceof Map<?, ?> child ? withoutSecrets(asStringMap(child)) : value);
        });
        return out;
    }

    private static Map<String, Object> deepCopy(Map<String, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, value) -> out.put(key, deepCopyValue(value)));
        return Collections.unmodifiableMap(out);
    }

    private static Object deepCopyValue(Object value) {
        if (value instanceof Map<?, ?> child) {
            return deepCopy(asStringMap(child));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ContextConfig::deepCopyValue).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asStringMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContextConfig other && tree.equals(other.tree);
    }

    @Override
    public int hashCode() {
        return tree.hashCode();
    }

    @Override
    public String toString() {
        return "ContextConfig" + publicView();
    }
}
