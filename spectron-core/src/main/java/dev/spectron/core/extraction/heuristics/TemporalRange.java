package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.extraction.Span;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * A temporal phrase resolved to whole local days {@code [start, endInclusive]} in the turn's
 * zone: "yesterday" is one day, "last month" the whole month, "since January" runs from January
 * 1st to the day it was said. Days rather than instants because the phrases mean calendar days;
 * {@link #startInstant(ZoneId)} gives the instant for {@code validFrom}/{@code validUntil}.
 */
public record TemporalRange(LocalDate start, LocalDate endInclusive, String phrase, Span span) implements TemporalMention {
    public TemporalRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(endInclusive, "endInclusive");
        if (endInclusive.isBefore(start)) {
            throw new IllegalArgumentException("range ends before it starts: " + start + ".." + endInclusive);
        }
    }

    /** Midnight at the start of {@link #start()} in {@code zone}. */
    public Instant startInstant(ZoneId zone) {
        return start.atStartOfDay(zone).toInstant();
    }

    /** Midnight after {@link #endInclusive()} in {@code zone}. */
    public Instant endExclusiveInstant(ZoneId zone) {
        return endInclusive.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public boolean isSingleDay() {
        return start.equals(endInclusive);
    }

    /**
     * The shortest ISO form: {@code 2026-05-12} for a day, {@code 2026-04} for a whole month,
     * {@code 2025} for a whole year, else {@code 2026-05-04..2026-05-10}.
     */
    public String label() {
        if (isSingleDay()) {
            return start.toString();
        }
        boolean fromFirstOfMonth = start.getDayOfMonth() == 1;
        boolean toEndOfMonth = endInclusive.equals(endInclusive.with(TemporalAdjusters.lastDayOfMonth()));
        if (fromFirstOfMonth && toEndOfMonth && start.getYear() == endInclusive.getYear()) {
            if (start.getMonthValue() == 1 && endInclusive.getMonthValue() == 12) {
                return Integer.toString(start.getYear());
            }
            if (start.getMonthValue() == endInclusive.getMonthValue()) {
                return start.toString().substring(0, 7);
            }
        }
        return start + ".." + endInclusive;
    }
}
