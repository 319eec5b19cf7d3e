package dev.spectron.core.retrieval;

import dev.spectron.core.memory.AttributeKeys;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which attribute keys and relation labels a question asks about ("where does Ada live" → home,
 * lives_in): the trigger of the {@code direct} tier. A query word that is itself a stored key
 * ("occupation") also counts.
 */
final class KeyCues {
    private static final Map<String, List<String>> CUES = Map.ofEntries(
            Map.entry("live", List.of("home", "lives_in")), Map.entry("lives", List.of("home", "lives_in")),
            Map.entry("living", List.of("home", "lives_in")), Map.entry("home", List.of("home", "lives_in")),
            Map.entry("based", List.of("home", "lives_in")), Map.entry("from", List.of("hometown")),
            Map.entry("work", List.of("employer", "works_at", "occupation")), Map.entry("works", List.of("employer", "works_at", "occupation")),
            Map.entry("job", List.of("occupation", "employer", "works_at")), Map.entry("employer", List.of("employer", "works_at")),
            Map.entry("company", List.of("employer", "works_at")), Map.entry("name", List.of("name")), Map.entry("called", List.of("name")),
            Map.entry("age", List.of("age")), Map.entry("old", List.of("age")), Map.entry("allergic", List.of("allergy")),
            Map.entry("allergy", List.of("allergy")), Map.entry("allergies", List.of("allergy")), Map.entry("likes", List.of("likes", "prefers")),
            Map.entry("like", List.of("likes", "prefers")), Map.entry("enjoy", List.of("likes")), Map.entry("love", List.of("likes")),
            Map.entry("favourite", List.of("favourite")), Map.entry("favorite", List.of("favourite")), Map.entry("hate", List.of("dislikes")),
            Map.entry("dislike", List.of("dislikes")), Map.entry("wife", List.of("spouse_of")), Map.entry("husband", List.of("spouse_of")),
            Map.entry("married", List.of("spouse_of")), Map.entry("spouse", List.of("spouse_of")), Map.entry("partner", List.of("partner_of")),
            Map.entry("girlfriend", List.of("partner_of")), Map.entry("boyfriend", List.of("partner_of")), Map.entry("pet", List.of("pet", "has_pet")),
            Map.entry("pets", List.of("pet", "has_pet")), Map.entry("dog", List.of("pet", "has_pet")), Map.entry("cat", List.of("pet", "has_pet")),
            Map.entry("kids", List.of("parent_of", "family")), Map.entry("children", List.of("parent_of", "family")),
            Map.entry("diet", List.of("diet")), Map.entry("vegetarian", List.of("diet")), Map.entry("vegan", List.of("diet")));

    private KeyCues() {
    }

    /** Keys and labels the query names; a cue ending in no exact key ("favourite") matches keys that start with it. */
    static Set<String> of(List<String> words) {
        Set<String> keys = new HashSet<>();
        for (String word : words) {
            keys.addAll(CUES.getOrDefault(word, List.of()));
            keys.add(AttributeKeys.normalise(word));
        }
        return keys;
    }

    static boolean matches(Set<String> cues, String key) {
        return cues.contains(key) || cues.stream().anyMatch(cue -> cue.equals("favourite") && key.startsWith("favourite_"));
    }
}
