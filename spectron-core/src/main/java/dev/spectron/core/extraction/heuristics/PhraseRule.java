package dev.spectron.core.extraction.heuristics;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * One kind of temporal phrase: its pattern, how a match resolves against the turn's date, and
 * the lower-case words one of which every match contains (checked first, because it is cheap).
 */
record PhraseRule(Pattern pattern, Resolution resolution, List<String> triggers) {
    /** Stands for "any digit" in {@link #triggers}. */
    static final String DIGIT = "#digit";

    @FunctionalInterface
    interface Resolution {
        /** The dates the match stands for, or null when the match is not a date after all ("may" the verb). */
        Dates resolve(MatchResult match, LocalDate today, Tense tense);
    }

    static PhraseRule of(String regex, Resolution resolution, String... triggers) {
        return new PhraseRule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), resolution, List.of(triggers));
    }

    boolean applies(String lower, boolean hasDigit) {
        for (String trigger : triggers) {
            if (trigger.equals(DIGIT) ? hasDigit : lower.contains(trigger)) {
                return true;
            }
        }
        return false;
    }
}
