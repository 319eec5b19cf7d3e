package dev.spectron.core.extraction.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spectron.core.extraction.ExtractedAttribute;
import dev.spectron.core.extraction.ExtractedEntity;
import dev.spectron.core.extraction.ExtractedInstruction;
import dev.spectron.core.extraction.ExtractedInvalidation;
import dev.spectron.core.extraction.ExtractedRelation;
import dev.spectron.core.extraction.ExtractedUncertainty;
import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.MemoryCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the model's extraction JSON into an {@link Extraction}. Items that break the schema are
 * not dropped silently: each becomes a problem in {@link Result#problems()}, which the caller
 * reports.
 */
final class ExtractionReplyReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double DEFAULT_CONFIDENCE = 0.9;

    record Result(Extraction extraction, List<String> problems) {
    }

    private final ZoneId zone;
    private final List<String> problems = new ArrayList<>();

    ExtractionReplyReader(ZoneId zone) {
        this.zone = zone;
    }

    Result read(String json) throws JsonProcessingException {
        JsonNode root = MAPPER.readTree(json);
        Extraction extraction = new Extraction(
                items(root, "entities", n -> new ExtractedEntity(ref(n, "type", "name"), category(n))),
                items(root, "attributes", n -> new ExtractedAttribute(ref(n, "entity_type", "entity_name"), text(n, "key"), text(n, "value"),
                        category(n), confidence(n), null, date(n, "valid_from"), n.path("correction").asBoolean(false))),
                items(root, "relations", n -> new ExtractedRelation(ref(n, "subject_type", "subject_name"), text(n, "label"),
                        ref(n, "object_type", "object_name"), category(n), confidence(n), null, date(n, "valid_from"))),
                items(root, "invalidations", n -> new ExtractedInvalidation(ref(n, "entity_type", "entity_name"),
                        "relation".equals(n.path("target").asText()) ? ExtractedInvalidation.Target.RELATION : ExtractedInvalidation.Target.ATTRIBUTE,
                        text(n, "key"), optionalText(n, "value"), null, null)),
                List.of(),
                items(root, "instructions", n -> new ExtractedInstruction(text(n, "label"), text(n, "description"),
                        n.path("revoke").asBoolean(false), null)),
                items(root, "uncertainties", n -> new ExtractedUncertainty(text(n, "about"), text(n, "reason"))));
        return new Result(extraction, List.copyOf(problems));
    }

    private <T> List<T> items(JsonNode root, String field, Function<JsonNode, T> reader) {
        List<T> out = new ArrayList<>();
        JsonNode array = root.path(field);
        if (array.isMissingNode() || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            problems.add(field + " is not an array");
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            try {
                out.add(reader.apply(array.get(i)));
            } catch (IllegalArgumentException e) {
                problems.add(field + "[" + i + "]: " + e.getMessage());
            }
        }
        return out;
    }

    private static EntityRef ref(JsonNode node, String typeField, String nameField) {
        return EntityRef.of(node.path(typeField).asText("other"), text(node, nameField));
    }

    private static MemoryCategory category(JsonNode node) {
        return MemoryCategory.parse(node.path("memory_category").asText(null));
    }

    private static double confidence(JsonNode node) {
        JsonNode value = node.get("confidence");
        if (value == null || !value.isNumber()) {
            return DEFAULT_CONFIDENCE;
        }
        return Math.max(0, Math.min(1, value.asDouble()));
    }

    private Instant date(JsonNode node, String field) {
        String raw = optionalText(node, field);
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw.length() > 10 ? raw.substring(0, 10) : raw).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(field + " '" + raw + "' is not a YYYY-MM-DD date; ignored");
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
