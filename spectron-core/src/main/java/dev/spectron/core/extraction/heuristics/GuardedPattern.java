package dev.spectron.core.extraction.heuristics;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern that runs only when the lower-cased text contains one of its trigger words. Most
 * sentences mention none of a rule's verbs, and {@code String.contains} is far cheaper than
 * trying a regex at every position; this keeps stage 0 well above 5,000 turns a second.
 *
 * @param triggers lower-case substrings, at least one of which every match contains
 */
record GuardedPattern(Pattern pattern, List<String> triggers) {
    private static final String NOTHING = "";

    static GuardedPattern of(String template, String... triggers) {
        return new GuardedPattern(Lexicon.pattern(template), List.of(triggers));
    }

    boolean applies(String lower) {
        for (String trigger : triggers) {
            if (lower.contains(trigger)) {
                return true;
            }
        }
        return false;
    }

    /** A matcher over the clause's text, or over nothing when no trigger word occurs. */
    Matcher in(Clause clause) {
        return in(clause.text(), clause.lower());
    }

    Matcher in(String text, String lower) {
        return pattern.matcher(applies(lower) ? text : NOTHING);
    }
}
