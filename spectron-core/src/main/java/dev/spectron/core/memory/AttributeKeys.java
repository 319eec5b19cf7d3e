package dev.spectron.core.memory;

import java.util.Locale;
import java.util.Set;

/**
 * Attribute-key conventions shared by the extractors and the reconciler. A single-valued key
 * (home, employer, name) has one live value, so a new value supersedes the old one; a
 * multi-valued key (likes, allergy) gathers values side by side. Context-category keys are
 * always multi-valued (spectron-internals.md §1.5).
 */
public final class AttributeKeys {
    private static final Set<String> MULTI_VALUED = Set.of(
            "likes", "dislikes", "allergy", "hobby", "interest", "skill", "language", "pet", "owns", "condition",
            "goal", "plan", "activity", "visited", "friend", "child", "sibling", "note", "mention", "event", "family", "prefers");

    private AttributeKeys() {
    }

    /** Lower case, words joined by underscores: "Favourite Colour" → {@code favourite_colour}. */
    public static String normalise(String key) {
        return key.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_+|_+$", "");
    }

    public static boolean isMultiValued(String key, MemoryCategory category) {
        return category == MemoryCategory.CONTEXT || MULTI_VALUED.contains(normalise(key));
    }

    /** Relation labels follow the same rule: one live {@code lives_in}, many {@code friend_of}. */
    public static boolean isMultiValuedLabel(String label) {
        String normalised = normalise(label);
        return !Set.of("lives_in", "works_at", "married_to", "spouse_of", "partner_of", "spouse", "partner", "member_of_team", "reports_to", "located_in")
                .contains(normalised);
    }
}
