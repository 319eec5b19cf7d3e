package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.extraction.Span;

/**
 * A date reference that cannot be pinned down without guessing: "05/08/2023" (day or month
 * first?), "31 February", "the following week" (following what?).
 */
public record UnresolvedTemporal(String phrase, Span span, String reason) implements TemporalMention {
}
