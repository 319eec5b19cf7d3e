package dev.spectron.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The JSON Schema a structured answer must follow.
 *
 * <p>Write it in the subset every provider accepts: an object at the root, every object with
 * {@code "additionalProperties": false} (Anthropic requires it), no {@code $ref} across files.
 *
 * @param name a short identifier; providers require {@code [A-Za-z0-9_-]{1,64}}
 * @param schemaJson the schema as JSON text (core has no JSON library; adapters parse it)
 */
public record JsonSchemaSpec(String name, String schemaJson) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public JsonSchemaSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schemaJson, "schemaJson");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("schema name must match [A-Za-z0-9_-]{1,64}; got '" + name + "'");
        }
        if (!JsonSyntax.isValid(schemaJson.strip()) || !schemaJson.strip().startsWith("{")) {
            throw new IllegalArgumentException("schema '" + name + "' is not a JSON object");
        }
    }
}
