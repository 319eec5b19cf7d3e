package dev.spectron.models.chat;

import dev.spectron.core.model.JsonSchemaSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The instruction sent back with a model's invalid JSON answer to ask for it once more; the text is
 * the resource {@code prompts/json-repair-v1.md}.
 */
final class RepairPrompt {

    private static final String RESOURCE = "/prompts/json-repair-v1.md";
    private static final String TEMPLATE = load();

    private RepairPrompt() {
    }

    static String forSchema(JsonSchemaSpec schema) {
        return TEMPLATE.replace("{{schema_name}}", schema.name()).replace("{{schema}}", schema.schemaJson()).strip();
    }

    private static String load() {
        try (InputStream in = RepairPrompt.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
