package dev.spectron.core.reconcile;

import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.Instruction;
import dev.spectron.core.memory.Relation;
import dev.spectron.core.memory.Uncertainty;
import java.util.ArrayList;
import java.util.List;

/**
 * What one write changed in memory: the {@code session.turn()} diff (spectron-api.md §2.2.1).
 * Lists hold what was created or touched; {@code corrections} name each supersession and
 * {@code invalidations} each fact closed without a replacement.
 *
 * @param extraction how extraction went; a failure is reported here, never as a silent empty diff
 */
public record MemoryDiff(List<EntityChange> entities, List<Attribute> attributes, List<RelationView> relations,
                         List<Instruction> instructions, List<Uncertainty> uncertainties, List<Correction> corrections,
                         List<Invalidated> invalidations, ExtractionStatus extraction) {

    public static MemoryDiff empty(ExtractionStatus extraction) {
        return new MemoryDiff(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), extraction);
    }

    public MemoryDiff {
        entities = List.copyOf(entities);
        attributes = List.copyOf(attributes);
        relations = List.copyOf(relations);
        instructions = List.copyOf(instructions);
        uncertainties = List.copyOf(uncertainties);
        corrections = List.copyOf(corrections);
        invalidations = List.copyOf(invalidations);
    }

    /** Both diffs, this one's first (the combined diff of a chat's two turns, or of a batch). */
    public MemoryDiff plus(MemoryDiff other) {
        return new MemoryDiff(concat(entities, other.entities), concat(attributes, other.attributes), concat(relations, other.relations),
                concat(instructions, other.instructions), concat(uncertainties, other.uncertainties),
                concat(corrections, other.corrections), concat(invalidations, other.invalidations), extraction.and(other.extraction));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** An entity the write mentioned, and whether it created it. */
    public record EntityChange(Entity entity, boolean isNew) {
    }

    /** A relation with its endpoints resolved, as the wire shows it ({@code person/ada}). */
    public record RelationView(Relation relation, EntityRef subject, EntityRef object) {
    }

    /** A supersession: {@code key} of {@code entityId} changed from {@code oldValue} to {@code newValue}. */
    public record Correction(String entityId, String key, String oldValue, String newValue) {
    }

    /** A fact closed without a replacement ("I no longer …"). */
    public record Invalidated(String id, String entityId, String keyOrLabel, String value) {
    }
}
