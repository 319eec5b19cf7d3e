package dev.spectron.core.extraction;

import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.MemoryCategory;

/** An entity a turn mentions. */
public record ExtractedEntity(EntityRef ref, MemoryCategory category) {
}
