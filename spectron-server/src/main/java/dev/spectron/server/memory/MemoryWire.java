package dev.spectron.server.memory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The bodies of the memory read routes: {@code /state}, {@code /profile}, {@code /entities...} (spectron-api.md §2.4). */
final class MemoryWire {
    private MemoryWire() {
    }

    /** {@code /state}: the live facts by memory category, then instructions and open questions. */
    record StateResponse(Facts identity, Facts knowledge, Facts context, List<MemoryJson.InstructionSummary> instructions,
                         List<MemoryJson.UncertaintySummary> unknowns) {
    }

    record Facts(List<MemoryJson.EntityDetail> entities, List<MemoryJson.AttributeDetail> attributes,
                 List<MemoryJson.RelationDetail> relations) {
    }

    /** {@code /profile}: static = identity, dynamic = context, preferences = knowledge (spectron-internals.md §4.7). */
    record ProfileResponse(@JsonProperty("static") List<ProfileItem> staticItems, List<ProfileItem> dynamic, List<ProfileItem> preferences,
                           List<MemoryJson.InstructionSummary> instructions) {
    }

    /** {@code entity} is the owner's {@code type/name}, null when it is gone. */
    record ProfileItem(String key, String value, String entity) {
    }

    record EntityList(List<MemoryJson.EntityDetail> entities) {
    }

    /** {@code /entities/{type}/{name}}: the entity with its live attributes and relations. */
    record EntityResponse(MemoryJson.EntityDetail entity, List<MemoryJson.AttributeDetail> attributes,
                          List<MemoryJson.RelationDetail> relations) {
    }

    record History(List<MemoryJson.AttributeDetail> history) {
    }
}
