package dev.spectron.core.memory;

import java.util.Locale;
import java.util.Map;

/**
 * The closed list of twelve entity types (spectron-internals.md §1.5). Near-synonyms fold in;
 * anything unknown becomes {@link #OTHER}.
 */
public enum EntityType {
    PERSON, ORGANISATION, PROJECT, LOCATION, TOPIC, PRODUCT, POLICY, CONCEPT, EVENT, AGENT, SERVICE, OTHER;

    private static final Map<String, EntityType> SYNONYMS = Map.ofEntries(
            Map.entry("people", PERSON), Map.entry("human", PERSON), Map.entry("user", PERSON), Map.entry("individual", PERSON),
            Map.entry("organization", ORGANISATION), Map.entry("org", ORGANISATION), Map.entry("company", ORGANISATION),
            Map.entry("business", ORGANISATION), Map.entry("employer", ORGANISATION), Map.entry("institution", ORGANISATION),
            Map.entry("school", ORGANISATION), Map.entry("university", ORGANISATION), Map.entry("team", ORGANISATION),
            Map.entry("place", LOCATION), Map.entry("city", LOCATION), Map.entry("country", LOCATION), Map.entry("address", LOCATION),
            Map.entry("region", LOCATION), Map.entry("subject", TOPIC), Map.entry("theme", TOPIC), Map.entry("item", PRODUCT),
            Map.entry("device", PRODUCT), Map.entry("rule", POLICY), Map.entry("idea", CONCEPT), Map.entry("meeting", EVENT),
            Map.entry("bot", AGENT), Map.entry("assistant", AGENT), Map.entry("api", SERVICE), Map.entry("tool", SERVICE),
            Map.entry("unknown", OTHER));

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Folds a free-form type ("Company", "organization") into the closed list. */
    public static EntityType normalise(String raw) {
        if (raw == null) {
            return OTHER;
        }
        String key = raw.strip().toLowerCase(Locale.ROOT);
        for (EntityType type : values()) {
            if (type.wireName().equals(key)) {
                return type;
            }
        }
        return SYNONYMS.getOrDefault(key, OTHER);
    }
}
