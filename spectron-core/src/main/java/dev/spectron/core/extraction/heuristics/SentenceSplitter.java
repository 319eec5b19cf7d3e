package dev.spectron.core.extraction.heuristics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a turn into sentences with their offsets, after masking quoted speech: "she said 'I live
 * in Paris'" is about her, not the speaker. Masking replaces characters with spaces, so every
 * offset into the masked text is also an offset into the original.
 */
final class SentenceSplitter {
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "prof", "jr", "sr", "vs", "etc", "e.g", "i.e",
            "approx", "no", "mt", "ft");
    private static final Pattern ASKING_START = Pattern.compile(
            "(?i)^\\W*(?:do|does|did|are|is|was|were|can|could|would|will|should|shall|have|has|what|where|who|whom|whose|why|when"
                    + "|how|which)\\s+(?:you|i|we|he|she|it|they|there|your|my|the|a|an|this|that)\\b");
    private static final char APOSTROPHE = '\'';
    private static final char MASK = ' ';

    private SentenceSplitter() {
    }

    /** The text with curly apostrophes straightened and multi-word quotations blanked out. */
    static String mask(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '\u2019') {
                chars[i] = APOSTROPHE;
            }
        }
        for (int i = 0; i < chars.length; i++) {
            int close = closingQuote(chars, i);
            if (close > 0) {
                if (containsSpace(chars, i, close)) {
                    Arrays.fill(chars, i, close + 1, MASK);
                }
                i = close;
            }
        }
        return new String(chars);
    }

    static List<Sentence> split(String masked) {
        List<Sentence> sentences = new ArrayList<>();
        int start = skipSpace(masked, 0);
        int i = start;
        while (i < masked.length()) {
            char c = masked.charAt(i);
            boolean boundary = c == '\n' || c == '!' || c == '?' || (c == '.' && endsSentence(masked, start, i));
            if (boundary) {
                int end = i + 1;
                while (end < masked.length() && ".!?".indexOf(masked.charAt(end)) >= 0) {
                    end++;
                }
                add(sentences, masked, start, c == '\n' ? i : end);
                start = skipSpace(masked, end);
                i = start;
            } else {
                i++;
            }
        }
        add(sentences, masked, start, masked.length());
        return sentences;
    }

    private static void add(List<Sentence> sentences, String masked, int start, int end) {
        int trimmed = end;
        while (trimmed > start && Character.isWhitespace(masked.charAt(trimmed - 1))) {
            trimmed--;
        }
        if (trimmed > start && !masked.substring(start, trimmed).isBlank()) {
            boolean question = masked.charAt(trimmed - 1) == '?' || ASKING_START.matcher(masked).region(start, trimmed).lookingAt();
            sentences.add(new Sentence(start, trimmed, question));
        }
    }

    /** A full stop ends a sentence unless it sits inside a number or ends an abbreviation ("Dr."). */
    private static boolean endsSentence(String text, int sentenceStart, int dot) {
        if (dot + 1 < text.length() && !Character.isWhitespace(text.charAt(dot + 1)) && ".!?".indexOf(text.charAt(dot + 1)) < 0) {
            return false;
        }
        int wordStart = dot;
        while (wordStart > sentenceStart && !Character.isWhitespace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = text.substring(wordStart, dot).toLowerCase(Locale.ROOT);
        return !ABBREVIATIONS.contains(word) && !(word.length() == 1 && Character.isUpperCase(text.charAt(wordStart)));
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * The index of the quote closing the one opening at {@code open}, or -1. A single quote opens
     * only after a non-letter and closes only before one, so "I'm" and "kids' toys" are not quotes.
     */
    private static int closingQuote(char[] chars, int open) {
        char c = chars[open];
        if (c == '"' || c == '\u201C') {
            for (int j = open + 1; j < chars.length; j++) {
                if (chars[j] == '"' || chars[j] == '\u201D') {
                    return j;
                }
            }
            return -1;
        }
        boolean single = c == '\u2018' || (c == APOSTROPHE && (open == 0 || !Character.isLetterOrDigit(chars[open - 1])));
        if (!single || open + 1 >= chars.length || !Character.isLetterOrDigit(chars[open + 1])) {
            return -1;
        }
        for (int j = open + 2; j < chars.length; j++) {
            boolean closes = chars[j] == APOSTROPHE && !Character.isWhitespace(chars[j - 1])
                    && (j + 1 == chars.length || !Character.isLetterOrDigit(chars[j + 1]));
            if (closes) {
                return j;
            }
        }
        return -1;
    }

    private static boolean containsSpace(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isWhitespace(chars[i])) {
                return true;
            }
        }
        return false;
    }
}
