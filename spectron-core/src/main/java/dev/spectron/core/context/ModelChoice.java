package dev.spectron.core.context;

import dev.spectron.core.InvalidInputException;
import dev.spectron.core.embedding.EmbeddingSpec;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code config.models}: a {@code "provider/model"} string or a
 * {@code {provider, model, base_url?, api_key?, timeout_ms?}} object, as stored. It is read as a
 * spec only where its kind is known (a language model or an embedding model), so the provider's
 * exact complaint is what a refused configuration reports.
 *
 * @param raw the stored value: a {@code String} or a {@code Map}; never null
 */
public record ModelChoice(Object raw) {
    /** The object-form field holding a language model's total deadline per call (issue 20). */
    public static final String TIMEOUT_FIELD = "timeout_ms";
    public static final long MIN_TIMEOUT_MS = 1_000;
    public static final long MAX_TIMEOUT_MS = 600_000;

    public ModelChoice {
        if (raw == null) {
            throw new IllegalArgumentException("a model choice needs a value");
        }
    }

    /** @throws ModelException {@code MISCONFIGURED} when the value is not a valid language model spec */
    public ModelSpec languageModel() {
        if (raw instanceof Map<?, ?> map && map.containsKey(TIMEOUT_FIELD)) {
            Map<Object, Object> spec = new LinkedHashMap<>(map);
            spec.remove(TIMEOUT_FIELD);
            if (!spec.containsKey("provider")) {
                // typically a merge patch of {"timeout_ms": ...} over a "provider/model" string, which replaces the string
                throw new ModelException(ModelException.Kind.MISCONFIGURED, "unknown", TIMEOUT_FIELD
                        + " goes with the object form of the model: {\"provider\": \"openai\", \"model\": \"gpt-4o-mini\", \""
                        + TIMEOUT_FIELD + "\": 20000}; this object names no \"provider\"");
            }
            return ModelSpec.parse(spec);
        }
        return ModelSpec.parse(raw);
    }

    /** @throws ModelException {@code MISCONFIGURED} when the value is not a valid embedding model spec */
    public EmbeddingSpec embeddingModel() {
        return EmbeddingSpec.parse(raw);
    }

    /**
     * The {@code timeout_ms} set in the object form, when it is a whole number of milliseconds in
     * range; a stored value that is not (saved before it was checked) counts as unset.
     */
    public Optional<Duration> timeout() {
        if (raw instanceof Map<?, ?> map && map.get(TIMEOUT_FIELD) instanceof Number number && validTimeout(number)) {
            return Optional.of(Duration.ofMillis(number.longValue()));
        }
        return Optional.empty();
    }

    /**
     * Refuses a {@code timeout_ms} that is not a whole number of milliseconds in range.
     *
     * @param field where the choice sits, e.g. {@code config.models.extraction}
     * @throws InvalidInputException naming {@code field.timeout_ms}
     */
    public void checkTimeout(String field) {
        if (!(raw instanceof Map<?, ?> map) || !map.containsKey(TIMEOUT_FIELD)) {
            return;
        }
        Object value = map.get(TIMEOUT_FIELD);
        if (!(value instanceof Number number) || !validTimeout(number)) {
            String name = field + "." + TIMEOUT_FIELD;
            throw new InvalidInputException(name, name + " must be a whole number of milliseconds from " + MIN_TIMEOUT_MS + " to "
                    + MAX_TIMEOUT_MS + "; got " + (value instanceof String text ? "\"" + text + "\"" : value));
        }
    }

    private static boolean validTimeout(Number number) {
        boolean whole = number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof java.math.BigInteger
                || (number.doubleValue() == Math.rint(number.doubleValue()) && !Double.isInfinite(number.doubleValue()));
        double value = number.doubleValue();
        return whole && value >= MIN_TIMEOUT_MS && value <= MAX_TIMEOUT_MS;
    }
}
