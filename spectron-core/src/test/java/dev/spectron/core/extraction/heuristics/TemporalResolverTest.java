package dev.spectron.core.extraction.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.extraction.Span;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every phrase kind against a fixed Wednesday, 2026-05-13T10:00:00Z, in UTC unless stated. */
class TemporalResolverTest {
    private static final Instant SPOKEN_AT = Instant.parse("2026-05-13T10:00:00Z");
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 5, 13);
    private static final TemporalResolver RESOLVER = new TemporalResolver();

    @ParameterizedTest(name = "{0} ({1}) → {2}..{3}")
    @CsvSource(delimiter = '|', textBlock = """
            today                    | PRESENT | 2026-05-13 | 2026-05-13
            tonight                  | PRESENT | 2026-05-13 | 2026-05-13
            this morning             | PAST    | 2026-05-13 | 2026-05-13
            this evening             | FUTURE  | 2026-05-13 | 2026-05-13
            yesterday                | PAST    | 2026-05-12 | 2026-05-12
            last night               | PAST    | 2026-05-12 | 2026-05-12
            tomorrow                 | FUTURE  | 2026-05-14 | 2026-05-14
            the day before yesterday | PAST    | 2026-05-11 | 2026-05-11
            the day after tomorrow   | FUTURE  | 2026-05-15 | 2026-05-15
            this week                | PRESENT | 2026-05-11 | 2026-05-17
            last week                | PAST    | 2026-05-04 | 2026-05-10
            next week                | FUTURE  | 2026-05-18 | 2026-05-24
            this weekend             | FUTURE  | 2026-05-16 | 2026-05-17
            last weekend             | PAST    | 2026-05-09 | 2026-05-10
            this month               | PRESENT | 2026-05-01 | 2026-05-31
            last month               | PAST    | 2026-04-01 | 2026-04-30
            next month               | FUTURE  | 2026-06-01 | 2026-06-30
            this year                | PRESENT | 2026-01-01 | 2026-12-31
            last year                | PAST    | 2025-01-01 | 2025-12-31
            next year                | FUTURE  | 2027-01-01 | 2027-12-31
            3 days ago               | PAST    | 2026-05-10 | 2026-05-10
            two weeks ago            | PAST    | 2026-04-29 | 2026-04-29
            a week ago               | PAST    | 2026-05-06 | 2026-05-06
            twelve days ago          | PAST    | 2026-05-01 | 2026-05-01
            a couple of months ago   | PAST    | 2026-03-13 | 2026-03-13
            a few years ago          | PAST    | 2023-05-13 | 2023-05-13
            in 3 days                | FUTURE  | 2026-05-16 | 2026-05-16
            in two weeks             | FUTURE  | 2026-05-27 | 2026-05-27
            in a few days            | FUTURE  | 2026-05-16 | 2026-05-16
            last Friday              | PAST    | 2026-05-08 | 2026-05-08
            last Wednesday           | PAST    | 2026-05-06 | 2026-05-06
            next Friday              | FUTURE  | 2026-05-15 | 2026-05-15
            next Wednesday           | FUTURE  | 2026-05-20 | 2026-05-20
            this Friday              | FUTURE  | 2026-05-15 | 2026-05-15
            this Monday              | PAST    | 2026-05-11 | 2026-05-11
            on Friday                | PAST    | 2026-05-08 | 2026-05-08
            on Friday                | FUTURE  | 2026-05-15 | 2026-05-15
            on Friday                | PRESENT | 2026-05-15 | 2026-05-15
            since January            | PRESENT | 2026-01-01 | 2026-05-13
            since May                | PRESENT | 2026-05-01 | 2026-05-13
            since June               | PRESENT | 2025-06-01 | 2026-05-13
            since March 2019         | PRESENT | 2019-03-01 | 2026-05-13
            since 2020               | PRESENT | 2020-01-01 | 2026-05-13
            since last year          | PRESENT | 2025-01-01 | 2026-05-13
            in March                 | PAST    | 2026-03-01 | 2026-03-31
            in March                 | FUTURE  | 2027-03-01 | 2027-03-31
            in June                  | PAST    | 2025-06-01 | 2025-06-30
            in June                  | FUTURE  | 2026-06-01 | 2026-06-30
            in June                  | PRESENT | 2026-06-01 | 2026-06-30
            in May 2023              | PAST    | 2023-05-01 | 2023-05-31
            in 2023                  | PAST    | 2023-01-01 | 2023-12-31
            last spring              | PAST    | 2025-03-01 | 2025-05-31
            last summer              | PAST    | 2025-06-01 | 2025-08-31
            last autumn              | PAST    | 2025-09-01 | 2025-11-30
            last fall                | PAST    | 2025-09-01 | 2025-11-30
            last winter              | PAST    | 2025-12-01 | 2026-02-28
            next summer              | FUTURE  | 2026-06-01 | 2026-08-31
            next spring              | FUTURE  | 2027-03-01 | 2027-05-31
            8 May 2023               | PAST    | 2023-05-08 | 2023-05-08
            May 8, 2023              | PAST    | 2023-05-08 | 2023-05-08
            the 8th of May           | PAST    | 2026-05-08 | 2026-05-08
            8th of May               | FUTURE  | 2027-05-08 | 2027-05-08
            2023-05-08               | PRESENT | 2023-05-08 | 2023-05-08
            13/05/2023               | PRESENT | 2023-05-13 | 2023-05-13
            """)
    void resolves_each_phrase_kind_against_a_wednesday(String phrase, Tense tense, LocalDate start, LocalDate end) {
        List<TemporalMention> mentions = RESOLVER.find("it was " + phrase + ", I think", WEDNESDAY, tense);

        assertThat(mentions).singleElement().isInstanceOfSatisfying(TemporalRange.class, range -> {
            assertThat(range.start()).isEqualTo(start);
            assertThat(range.endInclusive()).isEqualTo(end);
            assertThat(range.phrase()).isEqualToIgnoringCase(phrase);
            assertThat(range.span()).isEqualTo(new Span("it was ".length(), "it was ".length() + phrase.length()));
        });
    }

    @ParameterizedTest(name = "{0} is not resolved: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            05/08/2023         | ambiguous day and month order
            31 February 2023   | no such date
            2023-02-30         | no such date
            the following week | relative to a date the turn does not give
            that weekend       | relative to a date the turn does not give
            """)
    void refuses_to_guess_ambiguous_or_impossible_dates(String phrase, String reason) {
        assertThat(RESOLVER.find("we met " + phrase, WEDNESDAY, Tense.PAST)).singleElement()
                .isEqualTo(new UnresolvedTemporal(phrase, new Span(7, 7 + phrase.length()), reason));
    }

    @Test
    void ignores_text_without_temporal_phrases_and_the_verb_may() {
        assertThat(RESOLVER.find("I may come by, and we could talk on Fridays.", WEDNESDAY, Tense.FUTURE)).isEmpty();
        assertThat(RESOLVER.resolve("whenever suits you", SPOKEN_AT, ZoneOffset.UTC)).isEmpty();
    }

    @Test
    void finds_several_phrases_in_order_with_offsets_and_prefers_the_longest() {
        String text = "The day before yesterday I moved; I start next week.";

        List<TemporalMention> mentions = RESOLVER.find(text, SPOKEN_AT, ZoneOffset.UTC);

        assertThat(mentions).extracting(TemporalMention::phrase).containsExactly("The day before yesterday", "next week");
        assertThat(mentions).extracting(m -> text.substring(m.span().start(), m.span().end()))
                .containsExactly("The day before yesterday", "next week");
    }

    @Test
    void infers_the_tense_of_a_bare_weekday_from_the_sentence() {
        assertThat(RESOLVER.resolve("I saw her on Friday", SPOKEN_AT, ZoneOffset.UTC)).get()
                .extracting(TemporalRange::start).isEqualTo(LocalDate.of(2026, 5, 8));
        assertThat(RESOLVER.resolve("I'll see her on Friday", SPOKEN_AT, ZoneOffset.UTC)).get()
                .extracting(TemporalRange::start).isEqualTo(LocalDate.of(2026, 5, 15));
    }

    @Test
    void resolves_in_the_speakers_zone_where_the_local_date_differs_from_utc() {
        Instant lateTuesdayInLosAngeles = Instant.parse("2026-05-13T03:00:00Z");
        ZoneId losAngeles = ZoneId.of("America/Los_Angeles");

        TemporalRange yesterday = RESOLVER.resolve("yesterday", lateTuesdayInLosAngeles, losAngeles).orElseThrow();
        TemporalRange today = RESOLVER.resolve("today", lateTuesdayInLosAngeles, losAngeles).orElseThrow();

        assertThat(yesterday.start()).isEqualTo(LocalDate.of(2026, 5, 11));
        assertThat(yesterday.startInstant(losAngeles)).isEqualTo(Instant.parse("2026-05-11T07:00:00Z"));
        assertThat(today.start()).isEqualTo(LocalDate.of(2026, 5, 12));
        assertThat(today.endExclusiveInstant(losAngeles)).isEqualTo(Instant.parse("2026-05-13T07:00:00Z"));
    }

    @Test
    void labels_a_day_a_month_a_year_and_any_other_range() {
        Span span = new Span(0, 1);
        assertThat(new TemporalRange(LocalDate.of(2026, 5, 12), LocalDate.of(2026, 5, 12), "x", span).label()).isEqualTo("2026-05-12");
        assertThat(new TemporalRange(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), "x", span).label()).isEqualTo("2026-04");
        assertThat(new TemporalRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "x", span).label()).isEqualTo("2025");
        assertThat(new TemporalRange(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 10), "x", span).label())
                .isEqualTo("2026-05-04..2026-05-10");
    }
}
