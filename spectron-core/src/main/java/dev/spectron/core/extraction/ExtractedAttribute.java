package dev.spectron.core.extraction;

import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.MemoryCategory;
import java.time.Instant;

/**
 * A key/value fact about an entity, before reconciliation.
 *
 * @param confidence how sure the extractor is, in [0, 1]; the reconciler supersedes a live
 *                   value only at ≥ 0.7 and ≥ the live value's confidence
 * @param span       where in the turn it was said; null when unknown
 * @param validFrom  when it became true, if the text says (e.g. "since January"); null means
 *                   the turn's time
 * @param correction true when the speaker explicitly corrects an earlier statement ("actually …")
 */
public record ExtractedAttribute(EntityRef entity, String key, String value, MemoryCategory category, double confidence,
                                 Span span, Instant validFrom, boolean correction) {
    public ExtractedAttribute {
        if (key == null || key.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("an attribute needs a key and a value");
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within [0, 1]: " + confidence);
        }
        value = value.strip();
    }
}
