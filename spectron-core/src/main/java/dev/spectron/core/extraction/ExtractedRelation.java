package dev.spectron.core.extraction;

import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.MemoryCategory;
import java.time.Instant;

/** An edge {@code subject —label→ object}, before reconciliation; fields as in {@link ExtractedAttribute}. */
public record ExtractedRelation(EntityRef subject, String label, EntityRef object, MemoryCategory category, double confidence,
                                Span span, Instant validFrom) {
    public ExtractedRelation {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a relation needs a label");
        }
    }
}
