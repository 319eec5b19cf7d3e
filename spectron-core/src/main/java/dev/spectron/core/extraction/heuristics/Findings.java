package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.extraction.ExtractedAttribute;
import dev.spectron.core.extraction.ExtractedCorrection;
import dev.spectron.core.extraction.ExtractedEntity;
import dev.spectron.core.extraction.ExtractedInstruction;
import dev.spectron.core.extraction.ExtractedInvalidation;
import dev.spectron.core.extraction.ExtractedRelation;
import dev.spectron.core.extraction.ExtractedUncertainty;
import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.extraction.Span;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.MemoryCategory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects what the rules find in one turn. Facts take confidence, span and validity from the
 * current {@link Clause}; every entity referenced is listed once; repeats ("my wife … my wife")
 * are dropped.
 */
final class Findings {
    private final EntityRef speaker;
    private final Map<String, ExtractedEntity> entities = new LinkedHashMap<>();
    private final List<ExtractedAttribute> attributes = new ArrayList<>();
    private final List<ExtractedRelation> relations = new ArrayList<>();
    private final List<ExtractedInvalidation> invalidations = new ArrayList<>();
    private final List<ExtractedCorrection> corrections = new ArrayList<>();
    private final List<ExtractedInstruction> instructions = new ArrayList<>();
    private final Set<ExtractedUncertainty> uncertainties = new LinkedHashSet<>();
    private final Set<String> seen = new HashSet<>();
    private final Set<String> aboutInClause = new LinkedHashSet<>();
    private Clause clause;
    private int factsInClause;
    private int firstAttributeInClause;
    private int firstRelationInClause;

    Findings(EntityRef speaker) {
        this.speaker = speaker;
    }

    EntityRef speaker() {
        return speaker;
    }

    /** Starts a sentence: the facts that follow share its confidence, span and validity. */
    void begin(Clause next) {
        clause = next;
        factsInClause = 0;
        aboutInClause.clear();
        firstAttributeInClause = attributes.size();
        firstRelationInClause = relations.size();
    }

    void attribute(EntityRef entity, String key, String value, MemoryCategory category) {
        if (value == null || value.isBlank() || !seen.add("a|" + entity.path() + "|" + key + "|" + EntityRef.normalise(value))) {
            return;
        }
        entity(entity, category);
        attributes.add(new ExtractedAttribute(entity, key, value, category, clause.confidence(), clause.span(), clause.validFrom(),
                clause.correction()));
        touched(entity, key);
    }

    void speakerAttribute(String key, String value, MemoryCategory category) {
        attribute(speaker, key, value, category);
    }

    void speakerRelation(String label, EntityRef object, MemoryCategory category) {
        relation(speaker, label, object, category);
    }

    /** An edge between any two entities ("Jonas lives_in Hamburg"); none from an entity to itself. */
    void relation(EntityRef subject, String label, EntityRef object, MemoryCategory category) {
        if (subject.path().equals(object.path()) || !seen.add("r|" + subject.path() + "|" + label + "|" + object.path())) {
            return;
        }
        entity(subject, category);
        entity(object, category);
        relations.add(new ExtractedRelation(subject, label, object, category, clause.confidence(), clause.span(), clause.validFrom()));
        touched(subject, label);
    }

    /**
     * Closes a speaker fact. A fact the same sentence asserted is withdrawn: "my dog Rex died" names
     * Rex only to say he is gone.
     */
    void invalidate(ExtractedInvalidation.Target target, String keyOrLabel, String value) {
        if (!seen.add("i|" + target + "|" + keyOrLabel + "|" + value)) {
            return;
        }
        if (target == ExtractedInvalidation.Target.RELATION) {
            relations.subList(firstRelationInClause, relations.size()).removeIf(relation -> relation.subject().equals(speaker)
                    && relation.label().equals(keyOrLabel)
                    && (value == null || relation.object().normalisedName().equals(EntityRef.normalise(value))));
        } else {
            attributes.subList(firstAttributeInClause, attributes.size()).removeIf(attribute -> attribute.key().equals(keyOrLabel)
                    && attribute.entity().equals(speaker) && (value == null || attribute.value().equalsIgnoreCase(value)));
        }
        entity(speaker, MemoryCategory.IDENTITY);
        invalidations.add(new ExtractedInvalidation(speaker, target, keyOrLabel, value, clause.span(), clause.validFrom()));
        touched(speaker, keyOrLabel);
    }

    void correction(String oldValue, String newValue) {
        entity(speaker, MemoryCategory.IDENTITY);
        corrections.add(new ExtractedCorrection(speaker, oldValue, newValue, clause.span()));
        factsInClause++;
    }

    void instruction(String label, String description, boolean revoke, Span span) {
        if (seen.add("n|" + label + "|" + revoke)) {
            instructions.add(new ExtractedInstruction(label, description, revoke, span));
        }
    }

    void uncertainty(String about, String reason) {
        uncertainties.add(new ExtractedUncertainty(about, reason));
    }

    int factsInClause() {
        return factsInClause;
    }

    /** {@code <entity name>.<key or label>} of every fact found in the current sentence. */
    List<String> aboutInClause() {
        return List.copyOf(aboutInClause);
    }

    Extraction build() {
        return new Extraction(List.copyOf(entities.values()), attributes, relations, invalidations, corrections, instructions,
                List.copyOf(uncertainties));
    }

    /** Lists {@code ref} once; the speaker is always an identity entity, whatever the first fact about them. */
    void entity(EntityRef ref, MemoryCategory category) {
        entities.putIfAbsent(ref.path(), new ExtractedEntity(ref, ref.equals(speaker) ? MemoryCategory.IDENTITY : category));
    }

    private void touched(EntityRef entity, String key) {
        factsInClause++;
        aboutInClause.add(entity.name() + "." + key);
    }
}
