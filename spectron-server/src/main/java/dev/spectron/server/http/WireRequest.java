package dev.spectron.server.http;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spectron.core.InvalidInputException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a request body into its wire record. Each component names its field with
 * {@code @JsonProperty} (the spelling errors report) and its other spellings with
 * {@code @JsonAlias}, in order of preference (spectron-api.md §8): the first spelling present and
 * not JSON null wins, wherever it stands in the body. Unknown fields are ignored, as upstream
 * clients send extras.
 *
 * <p>Scalars are checked before binding, with the precise messages clients see:
 * {@code String}, {@code Long}, {@code Boolean} and {@code Map} components must hold a string, a
 * whole number, a boolean and an object; {@code @JsonProperty(required = true)} makes a field
 * required (and a string non-blank). {@code Object} and {@code JsonNode} components take any
 * value, for the record or the route to check.
 */
public final class WireRequest {
    private WireRequest() {
    }

    public static <R extends Record> R read(JsonBody body, Class<R> type) {
        ObjectNode bound = JsonNodeFactory.instance.objectNode();
        for (RecordComponent component : type.getRecordComponents()) {
            List<String> names = names(component);
            String name = names.getFirst();
            Optional<JsonNode> value = body.field(names.toArray(String[]::new));
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            boolean required = property != null && property.required();
            if (value.isEmpty()) {
                if (required) {
                    throw new InvalidInputException(name, "field '" + name + "' is required");
                }
                continue;
            }
            check(name, component.getType(), value.get(), required);
            bound.set(name, value.get());
        }
        return Json.bind(bound, type);
    }

    private static void check(String name, Class<?> type, JsonNode value, boolean required) {
        if (type == String.class) {
            if (!value.isTextual()) {
                throw new InvalidInputException(name, "field '" + name + "' must be a string; got " + describe(value));
            }
            if (required && value.asText().isBlank()) {
                throw new InvalidInputException(name, "field '" + name + "' must not be empty");
            }
        } else if (type == Long.class) {
            if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
                throw new InvalidInputException(name, "field '" + name + "' must be a whole number; got " + value);
            }
        } else if (type == Boolean.class) {
            if (!value.isBoolean()) {
                throw new InvalidInputException(name, "field '" + name + "' must be true or false; got " + value);
            }
        } else if (type == Map.class) {
            if (!value.isObject()) {
                throw new InvalidInputException(name, "field '" + name + "' must be a JSON object; got " + describe(value));
            }
        } else if (type != Object.class && type != JsonNode.class) {
            throw new IllegalArgumentException("wire request field '" + name + "' has type " + type.getSimpleName()
                    + "; use String, Long, Boolean, Map, Object or JsonNode");
        }
    }

    /** The field's spellings: its {@code @JsonProperty} name (else the component's), then its aliases. */
    private static List<String> names(RecordComponent component) {
        List<String> names = new ArrayList<>();
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        names.add(property != null && !property.value().isEmpty() ? property.value() : component.getName());
        JsonAlias alias = component.getAccessor().getAnnotation(JsonAlias.class);
        if (alias != null) {
            names.addAll(List.of(alias.value()));
        }
        return names;
    }

    private static String describe(JsonNode value) {
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
