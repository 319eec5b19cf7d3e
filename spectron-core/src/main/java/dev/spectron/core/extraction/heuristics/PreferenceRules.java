package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.memory.AttributeKeys;
import dev.spectron.core.memory.MemoryCategory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Likes, dislikes, preferences and favourites: "I love jazz", "I can't stand mornings", "I prefer
 * tea over coffee" ({@code prefers} = tea), "my favourite colour is blue" ({@code favourite_colour}).
 * "I don't like coffee anymore" is left to {@link Invalidations}.
 */
final class PreferenceRules implements FactRule {
    private static final GuardedPattern LIKES = GuardedPattern.of(
            "{I}{_}{ADV}(?i:like|love|enjoy|adore|'m into|am into|'m (?:a )?(?:big |huge )?fan of|am (?:a )?(?:big |huge )?fan of) ",
            "like", "love", "enjoy", "adore", "into", "fan of");
    private static final GuardedPattern DISLIKES = GuardedPattern.of(
            "{I}{_}{ADV}(?i:hate|dislike|detest|loathe|can't stand|cannot stand|can not stand|don't like|do not like|don't enjoy"
                    + "|do not enjoy|don't care for|'m not (?:a )?(?:big )?fan of|am not (?:a )?(?:big )?fan of|'m not into|am not into) ",
            "hate", "dislike", "detest", "loathe", "stand", "like", "enjoy", "care for", "fan of", "into");
    private static final GuardedPattern PREFERS = GuardedPattern.of("{I}{_}{ADV}(?i:prefer) ", "prefer");
    private static final Pattern PREFERRED_OVER = Pattern.compile("(?i)^(.+?)\\s+(?:over|to|rather than|instead of|more than)\\s+.+$");
    private static final GuardedPattern FAVOURITE = GuardedPattern.of(
            "\\b(?i:my) (?i:(?:all-time |absolute )?favou?rite) ([\\p{L}][\\p{L} -]{0,30}?) (?i:is|are|was|has to be|would be) ", "favo");
    private static final GuardedPattern FAVOURITE_AFTER = GuardedPattern.of(
            "(?:^|[,;]\\s*)([^,;]{1,40}?) (?i:is|are) (?i:my) (?i:(?:all-time |absolute )?favou?rite) ([\\p{L}]+(?: [\\p{L}]+)?)\\b", "favo");
    private static final int MAX_VALUE_WORDS = 6;
    private static final Pattern NO_LONGER = Pattern.compile("(?i)\\b(?:anymore|any more|any longer)\\b");

    @Override
    public void apply(Clause clause, Findings out) {
        find(LIKES, "likes", clause, out);
        find(DISLIKES, "dislikes", clause, out);
        for (Matcher prefers = PREFERS.in(clause); prefers.find(); ) {
            String value = clause.value(prefers.end());
            Matcher over = PREFERRED_OVER.matcher(value);
            emit("prefers", over.matches() ? Lexicon.clean(over.group(1)) : value, out);
        }
        for (Matcher favourite = FAVOURITE.in(clause); favourite.find(); ) {
            emit(favouriteKey(favourite.group(1)), clause.value(favourite.end()), out);
        }
        for (Matcher after = FAVOURITE_AFTER.in(clause); after.find(); ) {
            emit(favouriteKey(after.group(2)), Lexicon.clean(after.group(1)), out);
        }
    }

    private static void find(GuardedPattern pattern, String key, Clause clause, Findings out) {
        for (Matcher matcher = pattern.in(clause); matcher.find(); ) {
            String raw = clause.text().substring(matcher.end(), clause.valueEnd(matcher.end()));
            if (!NO_LONGER.matcher(raw).find()) {
                emit(key, clause.value(matcher.end()), out);
            }
        }
    }

    private static void emit(String key, String value, Findings out) {
        if (Lexicon.isThing(value, MAX_VALUE_WORDS)) {
            out.speakerAttribute(key, value, MemoryCategory.KNOWLEDGE);
        }
    }

    /** "favorite TV show" → {@code favourite_tv_show}: one spelling, so both reach the same key. */
    static String favouriteKey(String thing) {
        return "favourite_" + AttributeKeys.normalise(thing);
    }
}
