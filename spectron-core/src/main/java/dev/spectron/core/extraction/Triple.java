package dev.spectron.core.extraction;

import dev.spectron.core.InvalidInputException;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.MemoryCategory;

/**
 * A caller-supplied fact ({@code infer: "triples"}, spectron-api.md §2.2.1): {@code key} +
 * {@code value} is an attribute; {@code key} + {@code target} (no value) is a relation labelled
 * {@code key}.
 */
public record Triple(EntityRef entity, String key, String value, EntityRef target, MemoryCategory category) {
    /** Operator-supplied facts are as certain as memory gets. */
    static final double CONFIDENCE = 1.0;

    public Triple {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("triples", "every triple needs a key");
        }
        if ((value == null || value.isBlank()) == (target == null)) {
            throw new InvalidInputException("triples", "triple '" + key + "' needs either a value or a target, not both");
        }
    }

    public static Extraction toExtraction(java.util.List<Triple> triples) {
        var entities = new java.util.ArrayList<ExtractedEntity>();
        var attributes = new java.util.ArrayList<ExtractedAttribute>();
        var relations = new java.util.ArrayList<ExtractedRelation>();
        for (Triple t : triples) {
            entities.add(new ExtractedEntity(t.entity(), t.category()));
            if (t.target() == null) {
                attributes.add(new ExtractedAttribute(t.entity(), t.key(), t.value(), t.category(), CONFIDENCE, null, null, false));
            } else {
                entities.add(new ExtractedEntity(t.target(), t.category()));
                relations.add(new ExtractedRelation(t.entity(), t.key(), t.target(), t.category(), CONFIDENCE, null, null));
            }
        }
        return new Extraction(entities, attributes, relations, java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of());
    }
}
