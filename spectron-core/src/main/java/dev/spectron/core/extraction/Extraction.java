package dev.spectron.core.extraction;

import java.util.ArrayList;
import java.util.List;

/** What the extractors found in one turn, before reconciliation against memory. */
public record Extraction(List<ExtractedEntity> entities, List<ExtractedAttribute> attributes, List<ExtractedRelation> relations,
                         List<ExtractedInvalidation> invalidations, List<ExtractedCorrection> corrections,
                         List<ExtractedInstruction> instructions, List<ExtractedUncertainty> uncertainties) {
    public static final Extraction EMPTY = new Extraction(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public Extraction {
        entities = List.copyOf(entities);
        attributes = List.copyOf(attributes);
        relations = List.copyOf(relations);
        invalidations = List.copyOf(invalidations);
        corrections = List.copyOf(corrections);
        instructions = List.copyOf(instructions);
        uncertainties = List.copyOf(uncertainties);
    }

    public boolean isEmpty() {
        return entities.isEmpty() && attributes.isEmpty() && relations.isEmpty() && invalidations.isEmpty()
                && corrections.isEmpty() && instructions.isEmpty() && uncertainties.isEmpty();
    }

    /** The same findings filed under one memory category (the caller's {@code memory_category} override). */
    public Extraction inCategory(dev.spectron.core.memory.MemoryCategory category) {
        return new Extraction(
                entities.stream().map(e -> new ExtractedEntity(e.ref(), category)).toList(),
                attributes.stream().map(a -> new ExtractedAttribute(a.entity(), a.key(), a.value(), category, a.confidence(), a.span(),
                        a.validFrom(), a.correction())).toList(),
                relations.stream().map(r -> new ExtractedRelation(r.subject(), r.label(), r.object(), category, r.confidence(), r.span(),
                        r.validFrom())).toList(),
                invalidations, corrections, instructions, uncertainties);
    }

    /** Both extractions' findings, this one's first. */
    public Extraction plus(Extraction other) {
        return new Extraction(concat(entities, other.entities), concat(attributes, other.attributes), concat(relations, other.relations),
                concat(invalidations, other.invalidations), concat(corrections, other.corrections),
                concat(instructions, other.instructions), concat(uncertainties, other.uncertainties));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
