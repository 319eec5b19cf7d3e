package dev.spectron.client;

import java.util.List;

/**
 * Everything memory holds now, by category ({@code memory.state()}); superseded facts excluded.
 *
 * @param unknowns open uncertainties
 */
public record MemoryState(Category identity, Category knowledge, Category context, List<Instruction> instructions,
                          List<Uncertainty> unknowns) {
    public MemoryState {
        identity = identity == null ? Category.EMPTY : identity;
        knowledge = knowledge == null ? Category.EMPTY : knowledge;
        context = context == null ? Category.EMPTY : context;
        instructions = Lists.of(instructions);
        unknowns = Lists.of(unknowns);
    }

    /** The entities, attributes and relations of one memory category. */
    public record Category(List<Entity> entities, List<Attribute> attributes, List<Relation> relations) {
        static final Category EMPTY = new Category(null, null, null);

        public Category {
            entities = Lists.of(entities);
            attributes = Lists.of(attributes);
            relations = Lists.of(relations);
        }
    }
}
