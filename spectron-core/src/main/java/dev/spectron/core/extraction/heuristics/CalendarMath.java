package dev.spectron.core.extraction.heuristics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;

/** Calendar arithmetic and vocabulary shared by the temporal phrase rules. Weeks start on Monday. */
final class CalendarMath {
    static final String MONTH = "(january|february|march|april|may|june|july|august|september|sept|october|november|december)";
    static final String WEEKDAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    static final String NUMBER = "(\\d{1,3}|a couple of|couple of|a few|few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
    static final String UNIT = "(day|week|month|year)s?";

    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("a couple of", 2), Map.entry("couple of", 2), Map.entry("a few", 3), Map.entry("few", 3));

    /** Meteorological seasons, northern hemisphere: the month each one starts in. */
    private static final Map<String, Integer> SEASON_START = Map.of("spring", 3, "summer", 6, "autumn", 9, "fall", 9, "winter", 12);
    private static final int SEASON_MONTHS = 3;

    private CalendarMath() {
    }

    static int number(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        Integer word = NUMBER_WORDS.get(lower);
        return word != null ? word : Integer.parseInt(lower);
    }

    static ChronoUnit unit(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "day" -> ChronoUnit.DAYS;
            case "week" -> ChronoUnit.WEEKS;
            case "month" -> ChronoUnit.MONTHS;
            default -> ChronoUnit.YEARS;
        };
    }

    /** "may" in lower case is the verb; the month is written "May". */
    static Month month(String raw) {
        if (raw.equals("may")) {
            return null;
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        return lower.equals("sept") ? Month.SEPTEMBER : Month.valueOf(lower.toUpperCase(Locale.ROOT));
    }

    static DayOfWeek weekday(String raw) {
        return DayOfWeek.valueOf(raw.toUpperCase(Locale.ROOT));
    }

    static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static Dates month(YearMonth month) {
        return Dates.range(month.atDay(1), month.atEndOfMonth());
    }

    static Dates year(int year) {
        return Dates.range(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /**
     * The {@code month} a sentence means without a year: in a past-tense sentence the latest one
     * not after this month, in a future-tense one the first one not before it, else this year's.
     */
    static YearMonth monthFor(Month month, LocalDate today, Tense tense) {
        YearMonth thisYears = YearMonth.of(today.getYear(), month);
        YearMonth current = YearMonth.from(today);
        return switch (tense) {
            case PAST -> thisYears.isAfter(current) ? thisYears.minusYears(1) : thisYears;
            case FUTURE -> thisYears.isBefore(current) ? thisYears.plusYears(1) : thisYears;
            case PRESENT -> thisYears;
        };
    }

    /** Same rule as {@link #monthFor} for a day of the year ("8th of May"). */
    static LocalDate dayFor(Month month, int day, LocalDate today, Tense tense) {
        LocalDate thisYears = LocalDate.of(today.getYear(), month, day);
        return switch (tense) {
            case PAST -> thisYears.isAfter(today) ? thisYears.minusYears(1) : thisYears;
            case FUTURE -> thisYears.isBefore(today) ? thisYears.plusYears(1) : thisYears;
            case PRESENT -> thisYears;
        };
    }

    /** "last spring": the latest such season that is over. */
    static Dates lastSeason(String season, LocalDate today) {
        LocalDate start = LocalDate.of(today.getYear() + 1, seasonStartMonth(season), 1);
        while (!seasonEnd(start).isBefore(today)) {
            start = start.minusYears(1);
        }
        return Dates.range(start, seasonEnd(start));
    }

    /** "next summer": the first such season that has not started yet. */
    static Dates nextSeason(String season, LocalDate today) {
        LocalDate start = LocalDate.of(today.getYear() - 1, seasonStartMonth(season), 1);
        while (!start.isAfter(today)) {
            start = start.plusYears(1);
        }
        return Dates.range(start, seasonEnd(start));
    }

    private static int seasonStartMonth(String season) {
        return SEASON_START.get(season.toLowerCase(Locale.ROOT));
    }

    private static LocalDate seasonEnd(LocalDate start) {
        return start.plusMonths(SEASON_MONTHS).minusDays(1);
    }
}
