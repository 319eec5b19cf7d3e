package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.extraction.Span;
import java.time.LocalDate;

/** What one phrase rule made of its match: a day range, or the reason it cannot say. */
record Dates(LocalDate start, LocalDate endInclusive, String unresolvedReason) {
    static Dates day(LocalDate day) {
        return new Dates(day, day, null);
    }

    static Dates range(LocalDate start, LocalDate endInclusive) {
        return new Dates(start, endInclusive, null);
    }

    static Dates unresolved(String reason) {
        return new Dates(null, null, reason);
    }

    TemporalMention toMention(String phrase, Span span) {
        return unresolvedReason == null
                ? new TemporalRange(start, endInclusive, phrase, span)
                : new UnresolvedTemporal(phrase, span, unresolvedReason);
    }
}
