package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.memory.MemoryCategory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "I have two kids", "I have a cat", "I have diabetes", "I own a Tesla", "I bought a new bike":
 * each listed item becomes family, a pet, a health fact or a possession ({@code owns}). After
 * "have" only a brand or an everyday possession counts ("I have a question" is not one).
 */
final class HaveStatements implements FactRule {
    private static final GuardedPattern HAVE = GuardedPattern.of(
            "(?:{I}|{WE}){_}{ADV}(?i:(have got|'ve got|have|got|own|'ve bought|have bought|bought|purchased))\\s+",
            "have", "got", "own", "bought", "purchased");
    private static final Set<String> BUYING = Set.of("own", "bought", "'ve bought", "have bought", "purchased");
    private static final Set<String> QUANTITIES = Set.of("a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "some", "several");
    private static final Set<String> SINGULAR_ARTICLES = Set.of("a", "an", "one", "some");
    private static final Set<String> POSSESSIONS = Set.of("car", "bike", "bicycle", "motorbike", "motorcycle", "scooter", "house", "flat",
            "apartment", "condo", "boat", "laptop", "computer", "phone", "tablet", "piano", "guitar", "camera", "garden", "cottage",
            "cabin", "van", "truck", "caravan", "drone", "telescope", "e-bike", "console");
    private static final Pattern ITEM_SEPARATOR = Pattern.compile(",\\s*(?:and\\s+)?|\\s+and\\s+");
    private static final Pattern ALLERGY = Pattern.compile("(?i)^(?:(.+?) allerg(?:y|ies)|allerg(?:y|ies) to (.+))$");
    private static final Pattern NAMED = Pattern.compile("^(.+?) (?:named|called) (\\p{Lu}\\p{Ll}[\\p{L}'-]*)$");
    private static final Pattern INDIRECT_OBJECT = Pattern.compile("(?i)^(?:myself|me|him|her|them|us|ourselves)\\s+");
    /** "a console for my partner", "tickets to Toronto": the thing is what comes before. */
    private static final Pattern ADJUNCT = Pattern.compile("(?i)\\s+(?:for|to|from|on|as|with|at|in|because)\\s.*$");
    private static final int MAX_HOUSEHOLD_WORDS = 3;
    private static final int MAX_POSSESSION_WORDS = 4;

    @Override
    public void apply(Clause clause, Findings out) {
        for (Matcher matcher = HAVE.in(clause); matcher.find(); ) {
            boolean buying = BUYING.contains(matcher.group(1).toLowerCase(Locale.ROOT));
            String items = INDIRECT_OBJECT.matcher(clause.value(matcher.end())).replaceFirst("");
            for (String item : ITEM_SEPARATOR.split(items)) {
                if (!item.isBlank()) {
                    classify(Lexicon.clean(item), buying, out);
                }
            }
        }
    }

    private static void classify(String item, boolean buying, Findings out) {
        List<String> words = Arrays.asList(ADJUNCT.matcher(item).replaceFirst("").split(" "));
        String first = words.getFirst().toLowerCase(Locale.ROOT);
        boolean counted = QUANTITIES.contains(first) || first.chars().allMatch(Character::isDigit);
        String phrase = counted ? String.join(" ", words.subList(1, words.size())) : String.join(" ", words);
        String said = counted && !SINGULAR_ARTICLES.contains(first) ? String.join(" ", words) : phrase;
        if (phrase.isBlank() || household(phrase, said, out)) {
            return;
        }
        Matcher allergy = ALLERGY.matcher(phrase);
        String condition = HealthFacts.conditionNamed(phrase);
        if (allergy.matches()) {
            String allergen = allergy.group(1) != null ? allergy.group(1) : allergy.group(2);
            out.speakerAttribute("allergy", Lexicon.clean(allergen), MemoryCategory.IDENTITY);
        } else if (condition != null) {
            out.speakerAttribute("condition", condition, MemoryCategory.IDENTITY);
        } else if (Lexicon.isThing(said, MAX_POSSESSION_WORDS) && !Tense.isPastForm(first)
                && (buying || (counted && (Character.isUpperCase(phrase.charAt(0)) || POSSESSIONS.contains(head(phrase)))))) {
            out.speakerAttribute("owns", said, MemoryCategory.KNOWLEDGE);
        }
    }

    /** Family and pets: "two kids", "a daughter named Ana", "a cat". */
    private static boolean household(String phrase, String said, Findings out) {
        Matcher named = NAMED.matcher(phrase);
        String nounPhrase = named.matches() ? named.group(1) : phrase;
        if (nounPhrase.split(" ").length > MAX_HOUSEHOLD_WORDS) {
            return false;
        }
        String noun = head(nounPhrase);
        Household.Tie tie = Household.NOUNS.get(noun);
        if (tie == null) {
            return false;
        }
        if (named.matches()) {
            Household.named(tie, named.group(2), out);
        } else {
            Household.unnamed(tie, said, out);
        }
        return true;
    }

    private static String head(String phrase) {
        return phrase.substring(phrase.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
    }
}
