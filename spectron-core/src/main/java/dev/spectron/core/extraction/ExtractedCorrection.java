package dev.spectron.core.extraction;

import dev.spectron.core.memory.EntityRef;

/**
 * "Not X but Y", "I meant Y, not X": the speaker replaces a value without naming its key. The
 * reconciler finds the live attribute of {@code entity} whose value is {@code oldValue}.
 */
public record ExtractedCorrection(EntityRef entity, String oldValue, String newValue, Span span) {
}
