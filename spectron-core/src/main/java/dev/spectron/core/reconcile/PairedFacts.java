package dev.spectron.core.reconcile;

import dev.spectron.core.extraction.ExtractedAttribute;
import dev.spectron.core.extraction.ExtractedRelation;
import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.memory.AttributeKeys;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.FactPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An extraction with each paired fact ({@link FactPair}) made whole before it is written: a
 * relation said without its attribute ("my wife Maria": {@code spouse_of}) gains the attribute, and
 * every attribute of a paired key knows the relation that goes with it. The attribute is then
 * decided and the relation follows, so the two halves cannot disagree. Pure.
 */
final class PairedFacts {
    private final List<ExtractedAttribute> attributes;
    private final List<ExtractedRelation> relations;
    private final List<ExtractedRelation> unpaired;

    private PairedFacts(List<ExtractedAttribute> attributes, List<ExtractedRelation> relations, List<ExtractedRelation> unpaired) {
        this.attributes = attributes;
        this.relations = relations;
        this.unpaired = unpaired;
    }

    static PairedFacts of(Extraction extraction) {
        List<ExtractedAttribute> attributes = new ArrayList<>(extraction.attributes());
        List<ExtractedRelation> unpaired = new ArrayList<>();
        for (ExtractedRelation relation : extraction.relations()) {
            Optional<FactPair> pair = FactPair.byLabel(relation.label());
            if (pair.isEmpty()) {
                unpaired.add(relation);
            } else if (extraction.attributes().stream().noneMatch(a -> halves(a, pair.get(), relation))) {
                attributes.add(new ExtractedAttribute(relation.subject(), pair.get().key(), relation.object().name(), relation.category(),
                        relation.confidence(), relation.span(), relation.validFrom(), false));
            }
        }
        return new PairedFacts(List.copyOf(attributes), extraction.relations(), List.copyOf(unpaired));
    }

    /** Every attribute to write, those completing a relation last. */
    List<ExtractedAttribute> attributes() {
        return attributes;
    }

    /** Relations that pair with no attribute, written on their own. */
    List<ExtractedRelation> unpairedRelations() {
        return unpaired;
    }

    /** The relation half of {@code attribute}: the one the extractor gave, else one made from the value; empty for unpaired keys. */
    Optional<ExtractedRelation> objectOf(ExtractedAttribute attribute) {
        Optional<FactPair> pair = FactPair.byKey(attribute.key());
        if (pair.isEmpty()) {
            return Optional.empty();
        }
        Optional<ExtractedRelation> given = relations.stream().filter(r -> halves(attribute, pair.get(), r)).findFirst();
        if (given.isPresent() || !pair.get().relates(attribute.value())) {
            return given;
        }
        return Optional.of(new ExtractedRelation(attribute.entity(), pair.get().label(), new EntityRef(pair.get().objectType(), attribute.value()),
                attribute.category(), attribute.confidence(), attribute.span(), attribute.validFrom()));
    }

    private static boolean halves(ExtractedAttribute attribute, FactPair pair, ExtractedRelation relation) {
        return AttributeKeys.normalise(attribute.key()).equals(pair.key()) && AttributeKeys.normalise(relation.label()).equals(pair.label())
                && attribute.entity().path().equals(relation.subject().path())
                && EntityRef.normalise(attribute.value()).equals(relation.object().normalisedName());
    }
}
