package dev.spectron.server.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the extraction JSON a scripted model answers with, in the shape of extraction-v1.schema.json. */
final class Script {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, List<Map<String, Object>>> lists = new LinkedHashMap<>();

    static Script reply() {
        return new Script();
    }

    Script attribute(String entity, String key, String value, String category, double confidence, String validFrom, boolean correction) {
        Map<String, Object> item = new HashMap<>(Map.of("entity_name", entity, "entity_type", "person", "key", key, "value", value,
                "memory_category", category, "confidence", confidence, "correction", correction));
        item.put("valid_from", validFrom);
        return add("attributes", item);
    }

    Script attributeOf(String entityType, String entity, String key, String value, String category) {
        Map<String, Object> item = new HashMap<>(Map.of("entity_name", entity, "entity_type", entityType, "key", key, "value", value,
                "memory_category", category, "confidence", 0.9, "correction", false));
        return add("attributes", item);
    }

    Script attribute(String entity, String key, String value, String category) {
        return attribute(entity, key, value, category, 0.9, null, false);
    }

    Script relation(String subject, String label, String objectType, String object, String category, String validFrom) {
        Map<String, Object> item = new HashMap<>(Map.of("subject_name", subject, "subject_type", "person", "label", label,
                "object_name", object, "object_type", objectType, "memory_category", category, "confidence", 0.9));
        item.put("valid_from", validFrom);
        return add("relations", item);
    }

    Script invalidation(String entity, String target, String key, String value) {
        Map<String, Object> item = new HashMap<>(Map.of("entity_name", entity, "entity_type", "person", "target", target, "key", key));
        item.put("value", value);
        return add("invalidations", item);
    }

    Script instruction(String label, String description, boolean revoke) {
        return add("instructions", Map.of("label", label, "description", description, "revoke", revoke));
    }

    Script uncertainty(String about, String reason) {
        return add("uncertainties", Map.of("about", about, "reason", reason));
    }

    String json() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String list : List.of("entities", "attributes", "relations", "invalidations", "instructions", "uncertainties")) {
            out.put(list, lists.getOrDefault(list, List.of()));
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Script add(String list, Map<String, Object> item) {
        lists.computeIfAbsent(list, k -> new ArrayList<>()).add(item);
        return this;
    }
}
