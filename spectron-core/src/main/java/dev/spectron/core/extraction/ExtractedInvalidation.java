package dev.spectron.core.extraction;

import dev.spectron.core.memory.EntityRef;
import java.time.Instant;

/**
 * "I no longer …", "I quit …", "we broke up": closes matching live facts without a replacement.
 *
 * @param target     whether {@code keyOrLabel} names an attribute key or a relation label
 * @param value      the attribute value or relation object name to close; null closes every live one
 * @param validUntil when it stopped being true; null means the turn's time
 */
public record ExtractedInvalidation(EntityRef entity, Target target, String keyOrLabel, String value, Span span, Instant validUntil) {
    public enum Target { ATTRIBUTE, RELATION }
}
