package dev.spectron.core.context;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-context configuration as a JSON-shaped tree ({@code Map}, {@code List}, strings, numbers,
 * booleans). Typed views (models, limits) are read from it by the features that need them.
 *
 * <p>Provider secrets live under {@code providers} (and any {@code api_key} field); they are
 * write-only: {@link #publicView()} drops them and lists {@code providers_configured} instead.
 */
public final class ContextConfig {
    private static final String PROVIDERS = "providers";
    public static final double DEFAULT_CONFIDENCE_FLOOR = 0.7;
    private static final List<String> SECRET_FIELDS = List.of("api_key", "apiKey");

    private final Map<String, Object> tree;

    private ContextConfig(Map<String, Object> tree) {
        this.tree = tree;
    }

    public static ContextConfig empty() {
        return new ContextConfig(Map.of());
    }

    public static ContextConfig of(Map<String, ?> tree) {
        return new ContextConfig(deepCopy(tree));
    }

    /** {@code reconciliation.confidence_floor}, within (0, 1]; 0.7 when unset or out of range. */
    public double confidenceFloor() {
        if (tree.get("reconciliation") instanceof Map<?, ?> reconciliation && reconciliation.get("confidence_floor") instanceof Number floor) {
            double value = floor.doubleValue();
            if (value > 0 && value <= 1) {
                return value;
            }
        }
        return DEFAULT_CONFIDENCE_FLOOR;
    }

    /** The write-only provider keys ({@code config.providers}), by provider id; blank entries left out. */
    public Map<String, String> providerKeys() {
        Map<String, String> keys = new java.util.TreeMap<>();
        if (tree.get(PROVIDERS) instanceof Map<?, ?> providers) {
            providers.forEach((name, key) -> {
                if (key instanceof String text && !text.isBlank()) {
                    keys.put(String.valueOf(name), text);
                }
            });
        }
        return keys;
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
