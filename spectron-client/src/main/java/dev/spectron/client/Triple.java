package dev.spectron.client;

import java.util.Objects;

/**
 * A caller-supplied fact for {@code remember} with {@link RememberRequest.Infer#TRIPLES}: an
 * attribute ({@code key} + {@code value}) or, with a {@code target} and no value, a relation labelled {@code key}.
 */
public record Triple(EntityRef entity, String key, String value, EntityRef target, MemoryCategory memoryCategory) {
    public Triple {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(key, "key");
    }

    /** An attribute fact: {@code entity.key = value}. */
    public static Triple attribute(EntityRef entity, String key, String value) {
        return new Triple(entity, key, value, null, null);
    }

    /** A relation fact: {@code entity -label-> target}. */
    public static Triple relation(EntityRef entity, String label, EntityRef target) {
        return new Triple(entity, label, null, target, null);
    }

    Object toWire() {
        return new Body().put("entity", ref(entity)).put("key", key).put("value", value).put("target", target == null ? null : ref(target))
                .put("memory_category", memoryCategory == null ? null : memoryCategory.wireName()).map();
    }

    private static Object ref(EntityRef ref) {
        return java.util.Map.of("type", ref.type(), "name", ref.name());
    }
}
