package dev.spectron.core.forget;

import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.Instruction;
import dev.spectron.core.memory.Relation;
import dev.spectron.core.retrieval.SearchDoc;
import java.util.ArrayList;
import java.util.List;

/**
 * What one forget touches: facts, instructions, the referenced entity (null unless the query
 * named one without a key) and the search documents of matching turns.
 */
public record ForgetPlan(List<Attribute> attributes, List<Relation> relations, List<Instruction> instructions, Entity entity,
                         List<SearchDoc> turnDocs) {
    static final ForgetPlan NOTHING = new ForgetPlan(List.of(), List.of(), List.of(), null, List.of());

    /** The ids of everything touched, in that order: what the response lists and {@code deleted} counts. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        attributes.forEach(a -> ids.add(a.id()));
        relations.forEach(r -> ids.add(r.id()));
        instructions.forEach(i -> ids.add(i.id()));
        if (entity != null) {
            ids.add(entity.id());
        }
        ids.addAll(turnIds());
        return ids;
    }

    List<String> turnIds() {
        return turnDocs.stream().map(SearchDoc::refId).toList();
    }
}
