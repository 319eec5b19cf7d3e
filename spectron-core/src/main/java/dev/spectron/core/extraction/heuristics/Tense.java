package dev.spectron.core.extraction.heuristics;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rough tense of a sentence, which decides the direction of bare dates: "on Friday" or "in
 * March" means the last one in a past-tense sentence and the next one otherwise.
 */
public enum Tense {
    PAST, PRESENT, FUTURE;

    private static final Pattern FUTURE_MARKERS = Pattern.compile(
            "\\b(?:will|won't|shall|gonna|going to|plan to|planning to|about to|intend to)\\b|'ll\\b"
                    + "|\\b(?:i'm|i am|we're|we are|you're|he's|she's|they're|is|are|am)\\s+[a-z]+ing\\b");
    private static final Pattern PAST_MARKERS = Pattern.compile("\\b(?:was|were|did|didn't|had|ago|yesterday|used to)\\b");
    private static final Pattern SUBJECT_VERB = Pattern.compile(
            "\\b(?:i|we|he|she|they|you|i've|we've|have|has)\\s+(?:[a-z]+ly\\s+)?([a-z]+)\\b");

    /** Common irregular past forms; regular ones end in "-ed". */
    static final Set<String> IRREGULAR_PAST = Set.of(
            "went", "saw", "met", "had", "did", "got", "took", "made", "ate", "drank", "flew", "drove", "ran", "bought",
            "came", "left", "began", "became", "brought", "caught", "felt", "found", "gave", "heard", "kept", "knew",
            "lost", "paid", "put", "said", "sent", "sat", "slept", "spent", "spoke", "stood", "swam", "taught", "thought",
            "told", "understood", "won", "wrote", "wore", "rode", "broke", "chose", "fell", "forgot", "grew", "held",
            "hit", "hurt", "let", "meant", "quit", "rang", "sang", "sold", "shot", "shut", "threw", "woke", "been", "done",
            "gone", "seen", "taken", "eaten", "flown", "driven", "begun", "written");
    private static final Set<String> NOT_PAST = Set.of("need", "feed", "seed", "bleed", "breed", "speed", "proceed", "succeed",
            "exceed", "embed", "shred", "heed", "weed", "indeed");

    /** Future markers win over past ones; a sentence with neither is {@link #PRESENT}. */
    public static Tense of(String sentence) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        if (FUTURE_MARKERS.matcher(lower).find()) {
            return FUTURE;
        }
        if (PAST_MARKERS.matcher(lower).find()) {
            return PAST;
        }
        Matcher verb = SUBJECT_VERB.matcher(lower);
        while (verb.find()) {
            if (isPastForm(verb.group(1))) {
                return PAST;
            }
        }
        return PRESENT;
    }

    static boolean isPastForm(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return (lower.length() > 3 && lower.endsWith("ed") && !NOT_PAST.contains(lower)) || IRREGULAR_PAST.contains(lower);
    }
}
