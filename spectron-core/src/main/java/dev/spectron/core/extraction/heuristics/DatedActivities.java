package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.memory.MemoryCategory;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "I went to a concert yesterday" → {@code activity} = "went to a concert (2026-05-12)": a dated
 * first-person event, past or planned, kept as short-lived context. Runs only when nothing more
 * specific was found in the sentence, and only when "I"/"we" opens a clause ("the parade I went
 * to last week" is about the parade).
 */
final class DatedActivities {
    private static final Pattern SUBJECT = Pattern.compile("(?i)\\b(?:i|we)(?:('m|'re| am| are)|('ve| have|'d| had)|('ll| will))?\\s+"
            + "(?:(?:just|finally|also|already|recently|then|really|actually|first) )?((?:going to|gonna|planning to|about to) )?([a-z]+)\\b");
    private static final int BE = 1;
    private static final int WILL = 3;
    private static final int FUTURE_MARKER = 4;
    private static final int VERB = 5;

    /** Words that may stand between a clause break and its subject: "Yeah, so I went …". */
    private static final Set<String> OPENERS = Set.of("yeah", "yes", "yep", "well", "oh", "so", "and", "then", "but", "also", "actually",
            "anyway", "ok", "okay", "hey", "wow", "honestly", "btw", "plus", "um", "hmm", "lol", "haha", "guess", "what", "funny", "enough");
    /** Verbs of thinking and saying: "I wanted to tell you …" is no event. */
    private static final Set<String> NOT_EVENTS = Set.of("wanted", "thought", "felt", "knew", "meant", "hoped", "wished", "said", "told",
            "mentioned", "realised", "realized", "guessed", "wondered", "remember", "remembered", "think", "know", "hope", "wish", "love",
            "like", "guess", "forgot");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:!?.\u2013\u2014-]");
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
    private static final Pattern LOOSE_END = Pattern.compile("(?i)\\s+(?:about|around|roughly|approximately|nearly|almost|over|like|since|for)$");
    private static final Pattern DANGLING_PREPOSITION = Pattern.compile("(?i)\\b(?:to|for|with|at|in|on|of|from|about|into)$");
    private static final Pattern CONJUNCTION_START = Pattern.compile("(?i)^(?:and|but|or|so)\\b");

    private DatedActivities() {
    }

    static void apply(Clause clause, TemporalRange when, Findings out) {
        Matcher subject = SUBJECT.matcher(clause.text());
        if (!subject.find() || !opensClause(clause, subject.start()) || !isEvent(subject)) {
            return;
        }
        int start = subject.group(FUTURE_MARKER) != null ? subject.start(FUTURE_MARKER) : subject.start(VERB);
        int end = clause.clauseEnd(start);
        String text = clause.text();
        boolean inside = when.span().start() >= start && when.span().end() <= end;
        String before = LOOSE_END.matcher(Lexicon.clean(text.substring(start, inside ? when.span().start() : end))).replaceFirst("");
        String after = inside ? Lexicon.clean(text.substring(when.span().end(), end)) : "";
        if (before.isEmpty() || DANGLING_PREPOSITION.matcher(before).find()) {
            return;
        }
        String prefix = subject.group(WILL) != null ? "will " : "";
        String tail = after.isEmpty() || CONJUNCTION_START.matcher(after).find() ? "" : " " + after;
        out.speakerAttribute("activity", prefix + before + " (" + when.label() + ")" + tail, MemoryCategory.CONTEXT);
    }

    /** Only openers, a clause break or the temporal phrase itself stand before the subject. */
    private static boolean opensClause(Clause clause, int subjectStart) {
        String before = clause.text().substring(0, subjectStart);
        for (TemporalMention mention : clause.temporal()) {
            if (mention.span().end() <= subjectStart) {
                before = before.substring(0, mention.span().start()) + " ".repeat(mention.span().end() - mention.span().start())
                        + before.substring(mention.span().end());
            }
        }
        int lastBreak = -1;
        for (Matcher m = CLAUSE_BREAK.matcher(before); m.find(); ) {
            lastBreak = m.start();
        }
        for (Matcher word = WORD.matcher(before).region(lastBreak + 1, before.length()); word.find(); ) {
            if (!OPENERS.contains(word.group().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** Past ("I went", "I've started") or planned ("I'm flying", "I'll visit", "I'm going to") — not habits ("I go"). */
    private static boolean isEvent(Matcher subject) {
        String verb = subject.group(VERB).toLowerCase(Locale.ROOT);
        if (NOT_EVENTS.contains(verb)) {
            return false;
        }
        if (subject.group(WILL) != null || subject.group(FUTURE_MARKER) != null) {
            return true;
        }
        if (subject.group(BE) != null) {
            return verb.endsWith("ing") && !verb.equals("thinking");
        }
        return Tense.isPastForm(verb);
    }
}
