package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.extraction.Span;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Finds temporal phrases in English text and resolves them against the moment the text was
 * spoken, in the speaker's zone (spectron-internals.md §2.1: relative phrases resolve against the
 * turn's time, not ingest time). Results are whole local days ({@link TemporalRange}).
 *
 * <p>Rules, with weeks starting on Monday:
 * <ul>
 *   <li>today, tonight, this morning/afternoon/evening; yesterday, last night; tomorrow; the day
 *       before yesterday; the day after tomorrow.</li>
 *   <li>this/last/next week, weekend, month, year: the whole period.</li>
 *   <li>"N days/weeks/months/years ago" and "in N …": that single day. N is digits, one to
 *       twelve, a/an (1), a couple of (2), a few (3).</li>
 *   <li>"last Friday": the latest Friday before today; "next Friday": the first after today;
 *       "this Friday": the one in the current week. A bare "on Friday" is the last one in a
 *       past-tense sentence and the next one otherwise ({@link Tense}).</li>
 *   <li>"in March", "8th of May" without a year: past tense → the latest not after today,
 *       future tense → the first not before today, present → this year's.</li>
 *   <li>"since January": from the latest January 1st not after today, up to today; "since" in
 *       front of any other phrase ("since last year") likewise runs up to today.</li>
 *   <li>last/next spring, summer, autumn (fall), winter: northern-hemisphere meteorological
 *       seasons (Mar–May, Jun–Aug, Sep–Nov, Dec–Feb); "last" is the latest one already over.</li>
 *   <li>Explicit dates: "8 May 2023", "May 8, 2023", "2023-05-08", "May 2023", "in 2023".
 *       "05/08/2023" is ambiguous and comes back as {@link UnresolvedTemporal}, as do impossible
 *       dates and references to an unstated anchor ("the following week").</li>
 * </ul>
 * Full month names only, and "may" in lower case is the verb. Stateless and thread-safe.
 */
public final class TemporalResolver {
    private static final List<PhraseRule> RULES = Stream.concat(RelativePhrases.RULES.stream(), CalendarPhrases.RULES.stream()).toList();
    private static final String SINCE = "since ";
    private static final Comparator<TemporalMention> BY_POSITION_LONGEST_FIRST = Comparator
            .<TemporalMention>comparingInt(m -> m.span().start())
            .thenComparing(Comparator.<TemporalMention>comparingInt(m -> m.span().end()).reversed());

    /** Every phrase in {@code text}, in order, resolved against {@code spokenAt}; the tense comes from the text ({@link Tense#of}). */
    public List<TemporalMention> find(String text, Instant spokenAt, ZoneId zone) {
        return find(text, LocalDate.ofInstant(spokenAt, zone), null);
    }

    /**
     * Every phrase in {@code text}, in order and not overlapping; spans are offsets into {@code
     * text}. {@code tense} directs bare dates ("on Friday"); null infers it from the text.
     */
    public List<TemporalMention> find(String text, LocalDate today, Tense tense) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean hasDigit = lower.chars().anyMatch(Character::isDigit);
        Tense known = tense;
        List<TemporalMention> candidates = new ArrayList<>();
        for (PhraseRule rule : RULES) {
            if (!rule.applies(lower, hasDigit)) {
                continue;
            }
            Matcher matcher = rule.pattern().matcher(text);
            while (matcher.find()) {
                if (known == null) {
                    known = Tense.of(text);
                }
                Dates dates = rule.resolution().resolve(matcher, today, known);
                if (dates != null) {
                    candidates.add(dates.toMention(matcher.group(), new Span(matcher.start(), matcher.end())));
                }
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        candidates.sort(BY_POSITION_LONGEST_FIRST);
        List<TemporalMention> chosen = new ArrayList<>(candidates.size());
        int end = -1;
        for (TemporalMention candidate : candidates) {
            if (candidate.span().start() >= end) {
                chosen.add(widenSince(candidate, text, today));
                end = candidate.span().end();
            }
        }
        return chosen;
    }

    /** The first phrase in {@code phrase} that resolves, e.g. a model's "last month"; empty when none does. */
    public Optional<TemporalRange> resolve(String phrase, Instant spokenAt, ZoneId zone) {
        return find(phrase, spokenAt, zone).stream()
                .filter(TemporalRange.class::isInstance).map(TemporalRange.class::cast).findFirst();
    }

    private static TemporalMention widenSince(TemporalMention mention, String text, LocalDate today) {
        int start = mention.span().start() - SINCE.length();
        if (!(mention instanceof TemporalRange range) || start < 0 || !text.regionMatches(true, start, SINCE, 0, SINCE.length())
                || range.start().isAfter(today)) {
            return mention;
        }
        Span span = new Span(start, range.span().end());
        return new TemporalRange(range.start(), today, text.substring(span.start(), span.end()), span);
    }
}
