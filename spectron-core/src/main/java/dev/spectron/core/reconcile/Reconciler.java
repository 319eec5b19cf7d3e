package dev.spectron.core.reconcile;

import dev.spectron.core.extraction.ExtractedAttribute;
import dev.spectron.core.extraction.ExtractedCorrection;
import dev.spectron.core.extraction.ExtractedEntity;
import dev.spectron.core.extraction.ExtractedInstruction;
import dev.spectron.core.extraction.ExtractedInvalidation;
import dev.spectron.core.extraction.ExtractedRelation;
import dev.spectron.core.extraction.ExtractedUncertainty;
import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.FactPair;
import dev.spectron.core.memory.MemoryCategory;
import dev.spectron.core.port.StoreTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The one reconciler every write path goes through (spectron-internals.md §3): resolves
 * entities, applies corrections and invalidations, then decides each attribute, relation and
 * instruction against live memory in the write's scope. Runs inside the caller's transaction,
 * so a turn and everything it changed commit together.
 */
public final class Reconciler {
    /** Confidence of a value the speaker restates as a correction of another ("not X but Y"). */
    static final double CORRECTION_CONFIDENCE = 0.95;

    private final Clock clock;

    public Reconciler(Clock clock) {
        this.clock = clock;
    }

    public MemoryDiff reconcile(StoreTransaction tx, ReconcileRequest request) {
        Instant now = clock.instant();
        DiffCollector diff = new DiffCollector();
        EntityResolver entities = new EntityResolver(tx, request, diff, now);
        AttributeWriter attributes = new AttributeWriter(tx, request, diff, now);
        RelationWriter relations = new RelationWriter(tx, request, diff, now, attributes);
        InstructionWriter instructions = new InstructionWriter(tx, request, diff, now);
        Extraction extraction = request.extraction();

        for (ExtractedEntity entity : extraction.entities()) {
            entities.resolve(entity.ref(), entity.category());
        }
        for (ExtractedInvalidation invalidation : extraction.invalidations()) {
            Entity entity = entities.resolve(invalidation.entity(), MemoryCategory.IDENTITY);
            Instant validUntil = invalidation.validUntil() == null ? request.observedAt() : invalidation.validUntil();
            // Either half of a paired fact closes both (issue 16).
            Optional<FactPair> pair = switch (invalidation.target()) {
                case ATTRIBUTE -> FactPair.byKey(invalidation.keyOrLabel());
                case RELATION -> FactPair.byLabel(invalidation.keyOrLabel());
            };
            if (invalidation.target() == ExtractedInvalidation.Target.ATTRIBUTE || pair.isPresent()) {
                attributes.invalidate(entity, pair.map(FactPair::key).orElse(invalidation.keyOrLabel()), invalidation.value(), validUntil);
            }
            if (invalidation.target() == ExtractedInvalidation.Target.RELATION || pair.isPresent()) {
                relations.invalidate(entity, pair.map(FactPair::label).orElse(invalidation.keyOrLabel()), invalidation.value(), validUntil);
            }
        }
        PairedFacts paired = PairedFacts.of(extraction);
        for (ExtractedCorrection correction : extraction.corrections()) {
            Entity entity = entities.resolve(correction.entity(), MemoryCategory.IDENTITY);
            correctedValue(tx, request, entity, correction).ifPresentOrElse(
                    corrected -> write(entities, attributes, relations, entity, corrected, paired.objectOf(corrected)),
                    () -> attributes.recordUncertainty(entity.ref().name(),
                            "correction from '" + correction.oldValue() + "' to '" + correction.newValue() + "' matches no known value"));
        }
        for (ExtractedAttribute attribute : paired.attributes()) {
            write(entities, attributes, relations, entities.resolve(attribute.entity(), attribute.category()), attribute,
                    paired.objectOf(attribute));
        }
        for (ExtractedRelation relation : paired.unpairedRelations()) {
            relations.write(entities.resolve(relation.subject(), relation.category()), entities.resolve(relation.object(), relation.category()),
                    relation);
        }
        for (ExtractedInstruction instruction : extraction.instructions()) {
            instructions.write(instruction, attributes);
        }
        for (ExtractedUncertainty uncertainty : extraction.uncertainties()) {
            attributes.recordUncertainty(uncertainty.about(), uncertainty.reason());
        }
        return diff.build(request.status());
    }

    /** Writes an attribute and, for a paired key, the relation that says the same ({@link FactPair}). */
    private static void write(EntityResolver entities, AttributeWriter attributes, RelationWriter relations, Entity entity,
                              ExtractedAttribute attribute, Optional<ExtractedRelation> relation) {
        AttributeWriter.Written written = attributes.write(entity, attribute);
        relation.ifPresent(edge -> relations.mirror(entity, entities.resolve(edge.object(), edge.category()), edge.label(), edge, written));
    }

    /** "Not X but Y": the live value X of the entity names the key that Y replaces. */
    private static Optional<ExtractedAttribute> correctedValue(StoreTransaction tx, ReconcileRequest request, Entity entity,
                                                              ExtractedCorrection correction) {
        return tx.attributes().liveOf(request.contextId(), entity.id()).stream()
                .filter(row -> row.scopes().equals(request.scopes()) && AttributeDecisions.comparable(row.value())
                        .equals(AttributeDecisions.comparable(correction.oldValue())))
                .reduce((first, later) -> later)
                .map((Attribute row) -> new ExtractedAttribute(correction.entity(), row.key(), correction.newValue(), row.category(),
                        CORRECTION_CONFIDENCE, correction.span(), null, true));
    }
}
