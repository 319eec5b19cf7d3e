package dev.spectron.client;

import java.util.List;

/**
 * What a write changed in memory: the result of {@code session.turn()}, the {@code extraction} of
 * {@code remember}, and a chat's {@code memoryUpdates}. Lists are never null.
 *
 * @param turnId the stored turn (null when the diff spans several turns, e.g. chat)
 * @param turn   the stored turn (only on {@code session.turn()}), or null
 * @param extraction extraction status, or null when the server did not report one
 */
public record Diff(String turnId, Turn turn, List<Entity> entities, List<Attribute> attributes, List<Relation> relations,
                   List<Instruction> instructions, List<Uncertainty> uncertainties, List<Correction> corrections,
                   List<Invalidation> invalidations, Extraction extraction) {
    public Diff {
        entities = Lists.of(entities);
        attributes = Lists.of(attributes);
        relations = Lists.of(relations);
        instructions = Lists.of(instructions);
        uncertainties = Lists.of(uncertainties);
        corrections = Lists.of(corrections);
        invalidations = Lists.of(invalidations);
    }

    /** Whether nothing was extracted. */
    public boolean isEmpty() {
        return entities.isEmpty() && attributes.isEmpty() && relations.isEmpty() && instructions.isEmpty()
                && uncertainties.isEmpty() && corrections.isEmpty() && invalidations.isEmpty();
    }
}
