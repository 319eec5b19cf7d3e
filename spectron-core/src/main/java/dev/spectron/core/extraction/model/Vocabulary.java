package dev.spectron.core.extraction.model;

import java.util.List;

/**
 * The names already in memory, put into the extraction prompt so the model reuses them
 * (spectron-internals.md §2.3): up to 500 entities, 100 attribute keys, 100 relation labels.
 */
public record Vocabulary(List<String> entities, List<String> attributeKeys, List<String> relationLabels) {
    public static final int MAX_ENTITIES = 500;
    public static final int MAX_KEYS = 100;
    public static final int MAX_LABELS = 100;
    public static final Vocabulary EMPTY = new Vocabulary(List.of(), List.of(), List.of());

    public Vocabulary {
        entities = List.copyOf(entities.subList(0, Math.min(entities.size(), MAX_ENTITIES)));
        attributeKeys = List.copyOf(attributeKeys.subList(0, Math.min(attributeKeys.size(), MAX_KEYS)));
        relationLabels = List.copyOf(relationLabels.subList(0, Math.min(relationLabels.size(), MAX_LABELS)));
    }
}
