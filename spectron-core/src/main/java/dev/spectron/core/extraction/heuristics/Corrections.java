package dev.spectron.core.extraction.heuristics;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explicit corrections. A prefix ("actually, …", "correction: …", "sorry, I meant …", "sorry, it's
 * …", "sorry, I spelled it wrong: …") marks the facts after it as corrections. "Lisbon — I mean Porto" is rewritten to the corrected sentence
 * so the fact rules see "Porto". When no fact rule fires, "not X but Y", "I meant Y, not X" and
 * "X — I mean Y" become a keyless {@code ExtractedCorrection}.
 */
final class Corrections {
    /** "I spelled it wrong", "typo": the speaker fixes how something was written. */
    private static final String MISSPELLED = "i (?:spelled|spelt|typed|wrote|got) (?:it|that|this|my name|the name) (?:wrong(?:ly)?|incorrectly)"
            + "|i (?:misspelled|misspelt|mistyped)(?: (?:it|that|this|my name|the name))?|(?:that was an? |my |a )?typo";
    private static final Pattern PREFIX = Pattern.compile("(?i)^\\W*(?:(?:oh|ah|sorry|oops|wait|no|hmm|um|well)[,!.]*\\s+)*"
            + "(?:actually|correction|to correct myself|let me correct (?:that|myself)|i meant|i mean(?=\\s+i\\b)|" + MISSPELLED + ")\\b"
            + "[,:;!.]*(?:\\s*(?:\u2014|\u2013|-{1,2}))?\\s*");
    /** "Sorry, it's Tomas, not Tomasz": an apology right before "it's" or "that's" corrects what was said. */
    private static final Pattern SORRY_ITS = Pattern.compile("(?i)^\\W*(?:(?:oh|ah|oops|no|um|well)[,!.]*\\s+)*sorry[,!.]*\\s+"
            + "(?=(?:it's|it is|its|that's|that is|i meant|it was)\\b)");
    private static final Pattern SELF_CORRECTION = Pattern.compile(
            "^(.*?[\\p{L}\\p{N}])\\s*(?:\u2014|\u2013|--|\\s-|,|\\.\\.\\.)\\s*(?i:i mean) (?!,)([^,;.!?]+)[,;.!?]*$");
    private static final Pattern LAST_TOKEN = Pattern.compile(
            "(?:\\p{Lu}[\\p{L}'-]*(?: \\p{Lu}[\\p{L}'-]*)*|\\d+(?:[.,]\\d+)?|[\\p{L}'-]+)$");
    private static final String SHORT_PHRASE = "((?:[\\p{L}\\p{N}'-]+ ){0,3}[\\p{L}\\p{N}'-]+)";
    private static final Pattern NOT_BUT = Pattern.compile("(?i)\\bnot (?!only |just )(?:in |at |on |a |an |the )?" + SHORT_PHRASE
            + ",? but (?:rather )?(?:in |at |on |a |an |the )?" + SHORT_PHRASE);
    private static final Pattern MEANT_NOT = Pattern.compile(
            "(?i)^(?:i meant |it's |it is |its |that's |that is )?((?:[\\p{L}\\p{N}'-]+ ){0,3}[\\p{L}\\p{N}'-]+),? not (?:in |at |a |an |the )?"
                    + "((?:[\\p{L}\\p{N}'-]+ ){0,3}[\\p{L}\\p{N}'-]+)[.!]*$");
    /** A correction swaps one value for another; a pronoun means the "but" joins clauses instead. */
    private static final Pattern PRONOUN = Pattern.compile("(?i)\\b(?:i|i'm|i've|me|my|you|your|we|we've|we're|it|it's|he|she|they|him|her"
            + "|them|us|our|yet|really|sure|just|that|this)\\b");

    /** A sentence with its correction prefix removed. */
    record Prefixed(int bodyStart, boolean correction) {
    }

    /** "X — I mean Y" turned into the sentence the speaker meant. */
    record Rewrite(String text, String oldValue, String newValue) {
    }

    private Corrections() {
    }

    static Prefixed prefix(String sentence) {
        Matcher matcher = PREFIX.matcher(sentence);
        if (matcher.lookingAt()) {
            return new Prefixed(matcher.end(), true);
        }
        Matcher sorry = SORRY_ITS.matcher(sentence);
        return sorry.lookingAt() ? new Prefixed(sorry.end(), true) : new Prefixed(0, false);
    }

    static Rewrite selfCorrection(String body) {
        Matcher matcher = SELF_CORRECTION.matcher(body);
        if (!matcher.matches()) {
            return null;
        }
        String left = matcher.group(1);
        Matcher last = LAST_TOKEN.matcher(left);
        if (!last.find()) {
            return null;
        }
        String newValue = Lexicon.clean(matcher.group(2));
        return new Rewrite(left.substring(0, last.start()) + newValue, last.group(), newValue);
    }

    /** A keyless correction in {@code body}, or null. {@code prefixed}: the sentence began with "actually" or "I meant". */
    static Rewrite keyless(String body, boolean prefixed) {
        Matcher notBut = NOT_BUT.matcher(body);
        if (body.toLowerCase(Locale.ROOT).contains("not ") && notBut.find() && isValue(notBut.group(1)) && isValue(notBut.group(2))) {
            return new Rewrite(body, Lexicon.clean(notBut.group(1)), Lexicon.clean(notBut.group(2)));
        }
        Matcher meantNot = MEANT_NOT.matcher(body.strip());
        if (prefixed && meantNot.matches() && isValue(meantNot.group(1)) && isValue(meantNot.group(2))) {
            return new Rewrite(body, Lexicon.clean(meantNot.group(2)), Lexicon.clean(meantNot.group(1)));
        }
        return null;
    }

    private static boolean isValue(String phrase) {
        return !PRONOUN.matcher(phrase).find();
    }
}
