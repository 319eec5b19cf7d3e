package dev.spectron.core.memory;

import java.util.List;
import java.util.Optional;

/**
 * Facts that memory keeps twice, as an attribute of the subject and as a relation to an entity of
 * their own: {@code home} and {@code lives_in}, {@code employer} and {@code works_at}, {@code
 * partner} and {@code partner_of}, {@code spouse} and {@code spouse_of}, {@code pet} and {@code
 * has_pet}. The reconciler writes, supersedes and invalidates the two halves together, so they
 * never disagree (issue 16): the attribute decides, the relation follows.
 *
 * @param key        the attribute key
 * @param label      the relation label
 * @param objectType the type of the entity the relation points at, when the extractor gave none
 * @param namesOnly  only a proper name makes the relation: "pet: dog" (unnamed) stays an attribute,
 *                   "pet: Rex" is also {@code has_pet → Rex}
 */
public record FactPair(String key, String label, EntityType objectType, boolean namesOnly) {
    public static final List<FactPair> ALL = List.of(
            new FactPair("home", "lives_in", EntityType.LOCATION, false),
            new FactPair("employer", "works_at", EntityType.ORGANISATION, false),
            new FactPair("partner", "partner_of", EntityType.PERSON, false),
            new FactPair("spouse", "spouse_of", EntityType.PERSON, false),
            new FactPair("pet", "has_pet", EntityType.OTHER, true));

    public static Optional<FactPair> byKey(String key) {
        String normalised = AttributeKeys.normalise(key);
        return ALL.stream().filter(pair -> pair.key.equals(normalised)).findFirst();
    }

    public static Optional<FactPair> byLabel(String label) {
        String normalised = AttributeKeys.normalise(label);
        return ALL.stream().filter(pair -> pair.label.equals(normalised)).findFirst();
    }

    /** Whether {@code value} of the key also makes the relation ("Rex" does, "two cats" does not). */
    public boolean relates(String value) {
        return !namesOnly || (!value.isBlank() && Character.isUpperCase(value.strip().codePointAt(0)));
    }
}
