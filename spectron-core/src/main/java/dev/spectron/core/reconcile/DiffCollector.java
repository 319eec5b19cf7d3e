package dev.spectron.core.reconcile;

import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.Instruction;
import dev.spectron.core.memory.Uncertainty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers what one reconciliation touched, in order, and builds the {@link MemoryDiff}. */
final class DiffCollector {
    private final Map<String, MemoryDiff.EntityChange> entities = new LinkedHashMap<>();
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<MemoryDiff.RelationView> relations = new ArrayList<>();
    private final List<Instruction> instructions = new ArrayList<>();
    private final List<Uncertainty> uncertainties = new ArrayList<>();
    private final List<MemoryDiff.Correction> corrections = new ArrayList<>();
    private final List<MemoryDiff.Invalidated> invalidations = new ArrayList<>();

    void entity(Entity entity, boolean isNew) {
        entities.merge(entity.id(), new MemoryDiff.EntityChange(entity, isNew),
                (first, later) -> new MemoryDiff.EntityChange(later.entity(), first.isNew() || later.isNew()));
    }

    void attribute(Attribute attribute) {
        attributes.add(attribute);
    }

    void relation(MemoryDiff.RelationView relation) {
        relations.add(relation);
    }

    void instruction(Instruction instruction) {
        instructions.add(instruction);
    }

    void uncertainty(Uncertainty uncertainty) {
        uncertainties.add(uncertainty);
    }

    void correction(MemoryDiff.Correction correction) {
        corrections.add(correction);
    }

    void invalidated(MemoryDiff.Invalidated invalidated) {
        invalidations.add(invalidated);
    }

    MemoryDiff build(ExtractionStatus status) {
        return new MemoryDiff(List.copyOf(entities.values()), attributes, relations, instructions, uncertainties, corrections, invalidations, status);
    }
}
