package dev.spectron.core.extraction.heuristics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Standing directives ("always answer in bullet points", "from now on, reply in French", "please
 * don't use emojis") and their revocations ("stop using bullet points", "you don't need to …
 * anymore", "forget the … rule", "you can … again"). The label is the directive's content words,
 * because the reconciler matches a revocation to its instruction by word overlap.
 */
final class InstructionCues {
    private static final int MAX_LABEL_WORDS = 5;
    private static final String OPENING = "(?:^|[,;:]\\s*)(?:(?:and|also|so|ok|okay|oh|btw|but|one more thing)[,:]?\\s+)?"
            + "(?:(?:can|could|would|will) you\\s+)?(?:please,?\\s+)?";
    private static final GuardedPattern DIRECTIVE = GuardedPattern.of("(?i)" + OPENING + "(?:you (?:should|must|need to) )?"
            + "(?:always|never(?: ever)?|from now on,?|going forward,|in (?:the )?future,|make sure (?:to |you )?always"
            + "|please (?:don't|do not)|(?:don't|do not) ever)\\s+(.+)$",
            "always", "never", "from now on", "going forward", "future", "make sure", "don't", "do not");
    private static final GuardedPattern REVOCATION = GuardedPattern.of("(?i)" + OPENING + "(?:you can )?(?:"
            + "stop\\s+(.+)"
            + "|(?:you (?:don't|do not|no longer) need to|(?:there's )?no need to)\\s+(.+?)\\s+(?:anymore|any more|any longer)"
            + "|forget(?: about)? the\\s+(.+?)\\s+(?:rule|instruction)"
            + "|you can\\s+(.+?)\\s+again)[.!]*$", "stop", "need to", "forget", "again");
    /** Chat small talk opens like a directive: "Always here to help", "Never been there", "Always happy to". */
    private static final Set<String> NOT_A_COMMAND = Set.of("here", "there", "happy", "good", "great", "fun", "nice", "glad", "lovely",
            "a", "an", "the", "by", "on", "up", "so", "too", "very", "my", "your", "our", "their", "his", "her", "with", "for", "in",
            "at", "about", "like", "as", "ready", "calm", "such", "more", "one", "just", "really", "gonna", "i", "i'm", "i'll", "i've",
            "we", "we're", "you", "you're", "they", "he", "she", "it", "it's", "that", "this", "been", "had", "done", "seen", "heard",
            "saw", "tried", "knew", "thought", "got", "gone", "went", "was", "were", "is", "are", "am", "blessing");
    private static final Pattern CLAUSE_END = Pattern.compile("\\s*(?:[,;:!?]|\\.(?:\\s|$)|\\s[-\u2013\u2014]\\s).*$");
    private static final Pattern POLITE_QUESTION = Pattern.compile("(?i)^\\W*(?:(?:can|could|would|will) you)\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "in", "on", "at", "to", "of", "for", "with", "by", "from",
            "as", "into", "about", "and", "or", "every", "each", "but", "me", "my", "mine", "your", "yours", "you", "i", "we", "us", "our",
            "it", "its", "this", "that", "these", "those", "is", "are", "be", "been", "am", "was", "were", "please", "just", "all", "any", "some",
            "so", "very", "really", "also", "only", "then", "when", "whenever", "if", "always", "never", "ever", "anymore", "again",
            "don't", "do", "does", "not", "no", "can", "could", "would", "should", "will", "must", "may", "might", "rule", "rules",
            "there", "here", "what", "which", "who", "i'm", "i'll", "you're", "it's", "let's", "more", "now", "thanks");

    private InstructionCues() {
    }

    /** Finds a directive or revocation in one sentence ({@code text} masked, {@code quote} as written). */
    static void apply(String text, String quote, boolean question, Sentence sentence, Findings out) {
        if (question && !POLITE_QUESTION.matcher(text).lookingAt()) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher revocation = REVOCATION.in(text, lower);
        if (revocation.find()) {
            emit(firstNonNull(revocation), quote, true, sentence, out);
            return;
        }
        Matcher directive = DIRECTIVE.in(text, lower);
        if (directive.find() && isCommand(directive.group(1))) {
            emit(directive.group(1), quote, false, sentence, out);
        }
    }

    /** Whether the words after "always"/"never" read as an order: they open with a plain verb ("answer", "use"). */
    private static boolean isCommand(String body) {
        String first = body.strip().toLowerCase(Locale.ROOT).replaceFirst("^please,?\\s+", "").split("[\\s,.!?;:]+", 2)[0];
        return !first.isEmpty() && !first.equals("mind") && !first.endsWith("ing") && !first.endsWith("ed")
                && !NOT_A_COMMAND.contains(first);
    }

    /** Lower-case content words of {@code directive} up to its first clause break, at most five, joined by {@code _}. */
    static String label(String directive) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(CLAUSE_END.matcher(directive).replaceFirst(""));
        while (word.find() && words.size() < MAX_LABEL_WORDS) {
            String lower = word.group().toLowerCase(Locale.ROOT);
            if (!STOP_WORDS.contains(lower)) {
                words.add(lower);
            }
        }
        return String.join("_", words);
    }

    private static void emit(String body, String quote, boolean revoke, Sentence sentence, Findings out) {
        String label = label(body);
        if (!label.isEmpty()) {
            out.instruction(label, quote.strip(), revoke, sentence.span());
        }
    }

    private static String firstNonNull(Matcher matcher) {
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        return "";
    }
}
