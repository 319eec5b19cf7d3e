package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.extraction.Span;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the fact rules look at: one sentence's text (masked, correction prefix removed) and what
 * every fact found in it shares: confidence, span, validity start.
 *
 * @param text       the text the rules match; offsets of {@code temporal} point into it
 * @param quote      the sentence as the speaker wrote it, for descriptions and reasons
 * @param span       the sentence's offsets in the turn
 * @param validFrom  the start of the first resolved temporal phrase, or null
 */
record Clause(String text, String lower, String quote, Span span, double confidence, boolean correction, Instant validFrom,
              List<TemporalMention> temporal) {
    private static final Pattern BREAK = Pattern.compile(
            "[,;:!?()\"]|\\.(?=\\s|$)|\\s[-\u2013\u2014]+\\s|\\s(?i:but|because|cause|so|although|though|since|when|while|whereas|which|who"
                    + "|if|unless|until|and (?:i|we|my|it|he|she|they|you|i'm|we're|i've|that)|or (?:i|we))\\b");

    /** Where the clause containing {@code from} ends: the next break ("," "but" "because"…) outside a temporal phrase. */
    int clauseEnd(int from) {
        Matcher matcher = BREAK.matcher(text).region(from, text.length());
        while (matcher.find()) {
            if (!insideTemporal(matcher.start())) {
                return matcher.start();
            }
        }
        return text.length();
    }

    /** Where a free-text value starting at {@code from} ends: at the clause end or the next temporal phrase. */
    int valueEnd(int from) {
        int end = clauseEnd(from);
        for (TemporalMention mention : temporal) {
            int start = mention.span().start();
            if (start >= from && start < end) {
                end = start;
            }
        }
        return end;
    }

    /** The free-text value starting at {@code from}, cleaned ({@link Lexicon#clean}). */
    String value(int from) {
        return Lexicon.clean(text.substring(from, valueEnd(from)));
    }

    private boolean insideTemporal(int index) {
        for (TemporalMention mention : temporal) {
            if (index >= mention.span().start() && index < mention.span().end()) {
                return true;
            }
        }
        return false;
    }

    boolean mentions(String lowerWord) {
        return lower.contains(lowerWord);
    }
}
