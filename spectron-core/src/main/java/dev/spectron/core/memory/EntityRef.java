package dev.spectron.core.memory;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * An entity's identity: (type, normalised name). Matching is exact on this pair
 * (spectron-internals.md §2.5): "Ada" and "ada " are one person; a person and a product both
 * named "Ada" are two entities. {@code name} keeps the display spelling first seen.
 */
public record EntityRef(EntityType type, String name) {
    public EntityRef {
        Objects.requireNonNull(type, "type");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an entity needs a name");
        }
        name = name.strip().replaceAll("\\s+", " ");
    }

    public static EntityRef of(String type, String name) {
        return new EntityRef(EntityType.normalise(type), name);
    }

    public String normalisedName() {
        return normalise(name);
    }

    /** The {@code type/name} form used in URLs and relation summaries. */
    public String path() {
        return type.wireName() + "/" + normalisedName();
    }

    public static String normalise(String name) {
        String folded = Normalizer.normalize(name.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("\\s+", " ");
    }
}
