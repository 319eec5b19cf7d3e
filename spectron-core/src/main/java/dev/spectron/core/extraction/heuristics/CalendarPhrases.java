package dev.spectron.core.extraction.heuristics;

import static dev.spectron.core.extraction.heuristics.CalendarMath.MONTH;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.MatchResult;

/** Phrases naming the calendar: "8 May 2023", "May 8th", "2023-05-08", "in March", "since January", "in 2023". */
final class CalendarPhrases {
    private static final String YEAR = "((?:19|20)\\d\\d)";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final int MONTHS_PER_YEAR = 12;
    private static final int TWO_DIGIT_YEAR_BASE = 2000;
    private static final String DIGIT = PhraseRule.DIGIT;
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "sept",
        "october", "november", "december"};

    static final List<PhraseRule> RULES = List.of(
            PhraseRule.of("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b", (m, today, tense) -> date(m.group(1), m.group(2), m.group(3)), DIGIT),
            PhraseRule.of("\\b(?:on |in )?(?:the )?" + DAY + "(?: of)? " + MONTH + "(?:,? " + YEAR + ")?\\b",
                    (m, today, tense) -> dayOfMonth(m, 2, 1, 3, today, tense), DIGIT),
            PhraseRule.of("\\b(?:on |in )?" + MONTH + " (?:the )?" + DAY + "(?:,? " + YEAR + ")?\\b",
                    (m, today, tense) -> dayOfMonth(m, 1, 2, 3, today, tense), DIGIT),
            PhraseRule.of("\\b(?:in |during )?" + MONTH + ",? " + YEAR + "\\b", (m, today, tense) -> {
                Month month = CalendarMath.month(m.group(1));
                return month == null ? null : CalendarMath.month(YearMonth.of(Integer.parseInt(m.group(2)), month));
            }, DIGIT),
            PhraseRule.of("\\b(?:in|during) " + MONTH + "\\b", (m, today, tense) -> {
                Month month = CalendarMath.month(m.group(1));
                return month == null ? null : CalendarMath.month(CalendarMath.monthFor(month, today, tense));
            }, MONTHS),
            PhraseRule.of("\\bsince " + MONTH + "(?:,? " + YEAR + ")?\\b", (m, today, tense) -> {
                Month month = CalendarMath.month(m.group(1));
                if (month == null) {
                    return null;
                }
                YearMonth from = m.group(2) != null
                        ? YearMonth.of(Integer.parseInt(m.group(2)), month)
                        : CalendarMath.monthFor(month, today, Tense.PAST);
                return from.atDay(1).isAfter(today) ? null : Dates.range(from.atDay(1), today);
            }, "since"),
            PhraseRule.of("\\b(?:in|during) " + YEAR + "\\b", (m, today, tense) -> CalendarMath.year(Integer.parseInt(m.group(1))), DIGIT),
            PhraseRule.of("\\bsince " + YEAR + "\\b", (m, today, tense) -> {
                LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
                return start.isAfter(today) ? null : Dates.range(start, today);
            }, DIGIT),
            PhraseRule.of("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})\\b", (m, today, tense) -> slashDate(m), DIGIT),
            PhraseRule.of("\\b(?:the (?:following|next|previous) (?:day|morning|week|weekend|month|year)"
                    + "|the (?:day|week|month|year) (?:after|before)|that (?:day|week|weekend|month|year))\\b",
                    (m, today, tense) -> Dates.unresolved("relative to a date the turn does not give"),
                    "the following", "the next", "the previous", "the day", "the week", "the month", "the year", "that "));

    private CalendarPhrases() {
    }

    private static Dates date(String year, String month, String day) {
        try {
            return Dates.day(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Dates.unresolved("no such date");
        }
    }

    private static Dates dayOfMonth(MatchResult m, int monthGroup, int dayGroup, int yearGroup, LocalDate today, Tense tense) {
        Month month = CalendarMath.month(m.group(monthGroup));
        if (month == null) {
            return null;
        }
        int day = Integer.parseInt(m.group(dayGroup));
        try {
            return m.group(yearGroup) != null
                    ? Dates.day(LocalDate.of(Integer.parseInt(m.group(yearGroup)), month, day))
                    : Dates.day(CalendarMath.dayFor(month, day, today, tense));
        } catch (DateTimeException e) {
            return Dates.unresolved("no such date");
        }
    }

    /** Day-first and month-first writers both use slashes; only a part above 12 tells them apart. */
    private static Dates slashDate(MatchResult m) {
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(2));
        int year = Integer.parseInt(m.group(3));
        String fullYear = Integer.toString(year < 100 ? TWO_DIGIT_YEAR_BASE + year : year);
        if (first <= MONTHS_PER_YEAR && second <= MONTHS_PER_YEAR && first != second) {
            return Dates.unresolved("ambiguous day and month order");
        }
        return first > MONTHS_PER_YEAR ? date(fullYear, m.group(2), m.group(1)) : date(fullYear, m.group(1), m.group(2));
    }
}
