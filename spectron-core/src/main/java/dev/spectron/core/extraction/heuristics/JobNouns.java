package dev.spectron.core.extraction.heuristics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether "I'm a …" names a job. A phrase qualifies when its head noun is a known job or
 * ends like one (-er, -or, -ist, -ian, -eer, -ant), unless it is on the stop-list of people-nouns
 * that are not jobs ("fan", "member", "mother", "beginner").
 */
final class JobNouns {
    private static final int MAX_WORDS = 4;
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'-]*");
    private static final Set<String> ENDS_PHRASE = Set.of("at", "for", "in", "with", "by", "and", "of", "from", "who", "since", "on",
            "now", "because", "but", "so", "to", "here", "there", "myself", "or", "that", "which");
    private static final Set<String> JOBS = Set.of("nurse", "chef", "cook", "pilot", "vet", "medic", "paramedic", "surgeon", "architect",
            "analyst", "student", "agent", "president", "barista", "clerk", "nanny", "judge", "coach", "midwife", "cop", "detective",
            "soldier", "sailor", "officer", "scientist", "professor", "attorney", "ceo", "cto", "cfo", "intern", "secretary",
            "receptionist", "mechanic", "dentist", "pharmacist", "chemist", "psychologist", "therapist", "actress", "model");
    private static final Set<String> JOB_SUFFIXES = Set.of("er", "or", "ist", "ian", "eer", "ant");
    private static final Set<String> NOT_JOBS = Set.of("fan", "member", "believer", "lover", "beginner", "mother", "father", "brother",
            "sister", "daughter", "grandmother", "grandfather", "owner", "user", "customer", "learner", "person", "partner",
            "foreigner", "stranger", "newcomer", "outsider", "insider", "winner", "loser", "survivor", "neighbour", "neighbor",
            "visitor", "passenger", "tourist", "traveller", "traveler", "perfectionist", "optimist", "pessimist", "realist",
            "vegetarian", "vegan", "pescatarian", "human", "runner", "reader", "dreamer", "worrier", "supporter", "follower",
            "subscriber", "listener", "viewer", "thinker", "talker", "sleeper", "eater", "drinker", "smoker", "gamer", "fighter",
            "sucker", "civilian", "hiker", "climber", "cyclist", "swimmer", "skier", "surfer", "biker", "golfer", "jogger",
            "collector", "enthusiast", "introvert", "extrovert", "homebody", "expert", "guardian", "veteran", "fiancé", "fiancee",
            "order", "monster", "disaster", "mess");
    private static final Set<String> VAGUE_FIRST_WORDS = Set.of("big", "huge", "bit", "little", "lot", "total", "complete", "massive",
            "real", "true", "kind", "sort", "type", "expert", "avid", "keen", "proud", "lucky");

    /** The words of a job phrase, where it ends, and the word that stopped it (or null). */
    record Phrase(String text, int end, List<String> words, String next) {
        boolean looksLikeAJob() {
            String head = words.getLast();
            if (VAGUE_FIRST_WORDS.contains(words.getFirst()) || NOT_JOBS.contains(head)) {
                return false;
            }
            if (JOBS.contains(head)) {
                return true;
            }
            return !"of".equals(next) && JOB_SUFFIXES.stream().anyMatch(suffix -> head.length() > suffix.length() + 2 && head.endsWith(suffix));
        }
    }

    private JobNouns() {
    }

    /** The phrase in {@code text[from, limit)} up to the first linking word, or null if empty or longer than four words. */
    static Phrase phraseAt(String text, int from, int limit) {
        Matcher word = WORD.matcher(text).region(from, limit);
        List<String> words = new ArrayList<>();
        int end = from;
        String next = null;
        while (word.find()) {
            String lower = word.group().toLowerCase(Locale.ROOT);
            if (ENDS_PHRASE.contains(lower)) {
                next = lower;
                break;
            }
            words.add(lower);
            end = word.end();
        }
        if (words.isEmpty() || words.size() > MAX_WORDS) {
            return null;
        }
        return new Phrase(text.substring(from, end), end, List.copyOf(words), next);
    }
}
