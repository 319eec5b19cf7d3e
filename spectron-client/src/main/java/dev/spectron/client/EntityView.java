package dev.spectron.client;

import java.util.List;

/** One entity with its live attributes and relations ({@code memory.entity(type, name)}). */
public record EntityView(Entity entity, List<Attribute> attributes, List<Relation> relations) {
    public EntityView {
        attributes = Lists.of(attributes);
        relations = Lists.of(relations);
    }
}
