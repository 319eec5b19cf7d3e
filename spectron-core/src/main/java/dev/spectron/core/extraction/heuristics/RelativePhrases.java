package dev.spectron.core.extraction.heuristics;

import static dev.spectron.core.extraction.heuristics.CalendarMath.NUMBER;
import static dev.spectron.core.extraction.heuristics.CalendarMath.UNIT;
import static dev.spectron.core.extraction.heuristics.CalendarMath.WEEKDAY;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

/** Phrases relative to the day they were said: "yesterday", "last month", "two weeks ago", "next Friday". */
final class RelativePhrases {
    private static final int DAYS_PER_WEEK = 7;
    private static final int SATURDAY_OFFSET = 5;

    static final List<PhraseRule> RULES = List.of(
            PhraseRule.of("\\bthe day before yesterday\\b", (m, today, tense) -> Dates.day(today.minusDays(2)), "yesterday"),
            PhraseRule.of("\\bthe day after tomorrow\\b", (m, today, tense) -> Dates.day(today.plusDays(2)), "tomorrow"),
            PhraseRule.of("\\b(?:today|tonight|this (?:morning|afternoon|evening))\\b", (m, today, tense) -> Dates.day(today),
                    "today", "tonight", "this "),
            PhraseRule.of("\\b(?:yesterday(?: (?:morning|afternoon|evening))?|last night)\\b",
                    (m, today, tense) -> Dates.day(today.minusDays(1)), "yesterday", "last night"),
            PhraseRule.of("\\btomorrow(?: (?:morning|afternoon|evening|night))?\\b", (m, today, tense) -> Dates.day(today.plusDays(1)),
                    "tomorrow"),
            PhraseRule.of("\\b(this|last|next) (week|weekend|month|year)\\b", (m, today, tense) -> period(m.group(1), m.group(2), today),
                    "week", "month", "year"),
            PhraseRule.of("\\b" + NUMBER + " " + UNIT + " ago\\b",
                    (m, today, tense) -> Dates.day(today.minus(CalendarMath.number(m.group(1)), CalendarMath.unit(m.group(2)))), " ago"),
            PhraseRule.of("\\bin " + NUMBER + " " + UNIT + "(?:'? time)?\\b",
                    (m, today, tense) -> Dates.day(today.plus(CalendarMath.number(m.group(1)), CalendarMath.unit(m.group(2)))),
                    "day", "week", "month", "year"),
            PhraseRule.of("\\b(?:on )?(last|next|this) " + WEEKDAY + "\\b",
                    (m, today, tense) -> Dates.day(weekday(m.group(1), CalendarMath.weekday(m.group(2)), today)), "day"),
            PhraseRule.of("\\bon " + WEEKDAY + "\\b", (m, today, tense) -> Dates.day(bareWeekday(CalendarMath.weekday(m.group(1)), today, tense)),
                    "day"),
            PhraseRule.of("\\b(last|next) (spring|summer|autumn|fall|winter)\\b", (m, today, tense) -> m.group(1).equalsIgnoreCase("last")
                    ? CalendarMath.lastSeason(m.group(2), today) : CalendarMath.nextSeason(m.group(2), today),
                    "spring", "summer", "autumn", "fall", "winter"));

    private RelativePhrases() {
    }

    private static Dates period(String which, String unit, LocalDate today) {
        int shift = switch (which.toLowerCase(Locale.ROOT)) {
            case "last" -> -1;
            case "next" -> 1;
            default -> 0;
        };
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "week" -> {
                LocalDate monday = CalendarMath.weekStart(today).plusWeeks(shift);
                yield Dates.range(monday, monday.plusDays(DAYS_PER_WEEK - 1));
            }
            case "weekend" -> {
                LocalDate saturday = CalendarMath.weekStart(today).plusWeeks(shift).plusDays(SATURDAY_OFFSET);
                yield Dates.range(saturday, saturday.plusDays(1));
            }
            case "month" -> CalendarMath.month(YearMonth.from(today).plusMonths(shift));
            default -> CalendarMath.year(today.getYear() + shift);
        };
    }

    /**
     * "last Friday" is the latest Friday before today and "next Friday" the first one after it,
     * both within seven days; "this Friday" is the Friday of the current Monday-to-Sunday week.
     */
    private static LocalDate weekday(String which, DayOfWeek day, LocalDate today) {
        return switch (which.toLowerCase(Locale.ROOT)) {
            case "last" -> today.with(TemporalAdjusters.previous(day));
            case "next" -> today.with(TemporalAdjusters.next(day));
            default -> CalendarMath.weekStart(today).plusDays(day.getValue() - 1L);
        };
    }

    /** "on Friday": the last one in a past-tense sentence, else the next one. */
    private static LocalDate bareWeekday(DayOfWeek day, LocalDate today, Tense tense) {
        return tense == Tense.PAST ? today.with(TemporalAdjusters.previous(day)) : today.with(TemporalAdjusters.next(day));
    }
}
