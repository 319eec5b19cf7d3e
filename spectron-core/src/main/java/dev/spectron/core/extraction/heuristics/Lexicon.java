package dev.spectron.core.extraction.heuristics;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Regex fragments the fact rules share, and the clean-up applied to every value. Rule patterns
 * are written as templates: {@code {I}{_}{ADV}(?i:live) in {PROPER}}. Names must be capitalised, so the
 * patterns are case-sensitive and verbs are wrapped in {@code (?i:…)}.
 */
final class Lexicon {
    /** Capitalised words that never start a name: months, weekdays, "I", sentence glue. */
    private static final String NOT_A_NAME = "(?!(?:I|I'm|I've|I'd|I'll|The|A|An|My|Our|And|But|So|Then|Monday|Tuesday|Wednesday|Thursday"
            + "|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\\b)";
    private static final String PROPER_WORD = NOT_A_NAME + "[\\p{Lu}\\p{N}][\\p{L}\\p{M}\\p{N}'&.-]*";
    private static final String NAME_WORD = NOT_A_NAME + "\\p{Lu}\\p{Ll}[\\p{L}\\p{M}'-]*";
    private static final String CONNECTOR = "(?:de|da|do|dos|das|del|della|di|du|van|von|der|den|la|le|of|&)";

    private static final Map<String, String> FRAGMENTS = Map.of(
            "{PROPER}", "(" + PROPER_WORD + "(?: (?:" + CONNECTOR + " )?" + PROPER_WORD + "){0,3})",
            "{PERSON}", "(" + NAME_WORD + "(?: " + NAME_WORD + ")?)",
            "{PEOPLE}", "(" + NAME_WORD + "(?: " + NAME_WORD + ")?(?:(?:, ?| and |, and )" + NAME_WORD + "(?: " + NAME_WORD + ")?)*)",
            "{ADV}", "(?:(?i:currently|now|still|also|actually|just|recently|really|finally|already|officially|absolutely|totally|truly"
                    + "|genuinely|honestly|definitely|mostly|usually|generally|even|originally|kind of|sort of|probably|maybe|perhaps"
                    + "|possibly) ){0,2}",
            "{I}", "\\b(?i:i)\\b",
            "{_}", "(?:\\s+|(?='))",
            "{IM}", "\\b(?i:i'm|i am)\\b",
            "{WE}", "\\b(?i:we)\\b");

    private static final Pattern TRAILING_FILLER = Pattern.compile(
            "(?i)(?:\\s+(?:a lot|very much|so much|too|as well|anymore|any more|any longer|though|haha|lol|tbh|btw|now|these days|again))+$");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.,;:!?\"'()\\[\\]…-]+$");
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s\"'(\\[\u2013\u2014-]+");
    private static final Set<String> NOT_A_THING_START = Set.of("how", "what", "when", "where", "why", "who", "whether", "if", "it", "it's",
            "its", "them", "him", "her", "you", "your", "yours", "i", "i'm", "me", "my", "we", "they", "he", "she", "is", "are", "was",
            "were", "makes", "made", "so", "too", "lot", "there", "here", "myself", "every", "one", "everything", "nothing",
            "anything", "something", "u", "ya", "y'all");
    /** "I'd love to hear", "I like to say": about the conversation, not a preference. */
    private static final Set<String> CONVERSATION_VERBS = Set.of("say", "hear", "know", "see", "think", "help", "chat", "talk", "share");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("(?i)^(?:a|an|the|some|one)\\s+");
    private static final Pattern POSSESSIVE = Pattern.compile("'s$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Lexicon() {
    }

    /**
     * Compiles a rule template, expanding {@code {PROPER}} (a capitalised name of up to four words),
     * {@code {PERSON}}, {@code {PEOPLE}} (a list of names), {@code {ADV}} (up to two adverbs),
     * {@code {I}}, {@code {IM}}, {@code {WE}} and {@code {_}} (a space, or nothing before "'m", "'ve").
     */
    static Pattern pattern(String template) {
        String regex = template;
        for (Map.Entry<String, String> fragment : FRAGMENTS.entrySet()) {
            regex = regex.replace(fragment.getKey(), fragment.getValue());
        }
        return Pattern.compile(regex);
    }

    /** The value as said: single-spaced, without trailing punctuation or filler ("a lot", "too"). */
    static String clean(String raw) {
        String value = SPACES.matcher(raw.strip()).replaceAll(" ");
        String previous;
        do {
            previous = value;
            value = TRAILING_PUNCTUATION.matcher(value).replaceAll("");
            value = TRAILING_FILLER.matcher(value).replaceAll("");
        } while (!value.equals(previous));
        return LEADING_PUNCTUATION.matcher(value).replaceAll("");
    }

    /**
     * Whether a free-text value names a thing ("jazz", "that idea", "hiking in the Alps") rather
     * than a clause ("how you use it", "them for that", "is awesome"): at most {@code maxWords}
     * words, not opening with a pronoun, question word or verb.
     */
    static boolean isThing(String value, int maxWords) {
        String[] words = value.toLowerCase(Locale.ROOT).split(" ");
        if (value.isEmpty() || words.length > maxWords) {
            return false;
        }
        return switch (words[0]) {
            case "to" -> words.length > 1 && !CONVERSATION_VERBS.contains(words[1]);
            case "that", "this", "those", "these" -> words.length > 1 && !NOT_A_THING_START.contains(words[1]);
            default -> !NOT_A_THING_START.contains(words[0]);
        };
    }

    /** {@link #clean} without a leading "a", "an", "the", "some" or "one". */
    static String withoutArticle(String raw) {
        return LEADING_ARTICLE.matcher(clean(raw)).replaceFirst("");
    }

    /** A person's name without a possessive: "Bob's" → "Bob". */
    static String personName(String raw) {
        return POSSESSIVE.matcher(clean(raw)).replaceFirst("");
    }
}
