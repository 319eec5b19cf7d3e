package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.extraction.Span;

/**
 * A temporal phrase found in a text: either resolved to calendar dates or explicitly left open.
 * Unresolved mentions become uncertainties, never guesses (spectron-internals.md §3 rule 8).
 */
public sealed interface TemporalMention permits TemporalRange, UnresolvedTemporal {
    /** The phrase as written. */
    String phrase();

    /** Offsets of the phrase within the text that was searched. */
    Span span();
}
