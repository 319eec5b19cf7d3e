package dev.spectron.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The user profile ({@code memory.profile()}).
 *
 * @param staticFacts identity facts (wire name {@code static}), no decay
 * @param dynamic     context facts, decaying fast
 * @param preferences knowledge facts
 * @param instructions active instructions
 */
public record Profile(@JsonProperty("static") List<Item> staticFacts, List<Item> dynamic, List<Item> preferences,
                      List<Instruction> instructions) {
    public Profile {
        staticFacts = Lists.of(staticFacts);
        dynamic = Lists.of(dynamic);
        preferences = Lists.of(preferences);
        instructions = Lists.of(instructions);
    }

    /** One profile line. @param entity the owning entity as {@code type/name}, when known */
    public record Item(String key, String value, String entity) {
    }
}
