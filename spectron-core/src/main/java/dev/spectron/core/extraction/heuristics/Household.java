package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.EntityType;
import dev.spectron.core.memory.MemoryCategory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * "My wife Maria", "my kids Tom and Ana", "my dog Rex", "my best friend Sam": relatives,
 * friends and pets of the speaker. Named ones become relations to their own entity; unnamed
 * family and pets become the multi-valued {@code family} and {@code pet} attributes.
 */
final class Household implements FactRule {
    /** How a household noun relates to the speaker; {@code species} is set for pets. */
    record Tie(String label, boolean plural, String species) {
        boolean pet() {
            return species != null;
        }

        /** Friends and colleagues: knowledge about the speaker's circle, not their identity, and not {@code family}. */
        boolean friend() {
            return NOT_KIN.contains(label);
        }
    }

    private static final Set<String> NOT_KIN = Set.of("friend_of", "colleague_of", "reports_to");
    static final Map<String, Tie> NOUNS = nouns();
    static final String MODIFIERS = "best|oldest|youngest|older|younger|little|big|eldest|baby|twin|new|lovely|dear|beloved|old"
            + "|two|three|four|five";
    private static final Pattern MY_NOUN = Lexicon.pattern("\\b(?i:my|our) ((?:(?i:" + MODIFIERS + ") ){0,2}(?i:(" + alternation() + ")))\\b"
            + "(?:(?:(?i:'s name is| is called| is named| called| named)|,)?\\s+{PEOPLE})?");
    /** "my horse painting", "my dog walker": the noun modifies another one and is no pet or relative. */
    private static final Pattern COMPOUND = Pattern.compile("(?i)\\s+(?:painting|picture|photo|pic|drawing|portrait|sculpture|food|walker"
            + "|sitter|bed|toy|toys|treats|hair|show|shelter|costume|print|mug|shirt|lover|person|friendly|group|chat|side|tags?)\\b");
    private static final Pattern NAME_SEPARATOR = Pattern.compile(",\\s*(?:and\\s+)?|\\s+and\\s+");

    @Override
    public void apply(Clause clause, Findings out) {
        if (!clause.mentions("my ") && !clause.mentions("our ")) {
            return;
        }
        for (Matcher matcher = MY_NOUN.matcher(clause.text()); matcher.find(); ) {
            Tie tie = NOUNS.get(matcher.group(2).toLowerCase(Locale.ROOT));
            String names = matcher.group(3);
            if (names != null) {
                String[] each = NAME_SEPARATOR.split(names);
                for (int i = 0; i < (tie.plural() ? each.length : 1); i++) {
                    named(tie, Lexicon.personName(each[i]), out);
                }
            } else if (!COMPOUND.matcher(clause.text()).region(matcher.end(), clause.text().length()).lookingAt()) {
                unnamed(tie, Lexicon.clean(matcher.group(1)), out);
            }
        }
    }

    static void unnamed(Tie tie, String phrase, Findings out) {
        if (tie.pet()) {
            out.speakerAttribute("pet", phrase, MemoryCategory.IDENTITY);
        } else if (!tie.friend()) {
            out.speakerAttribute("family", phrase, MemoryCategory.IDENTITY);
        }
    }

    static void named(Tie tie, String name, Findings out) {
        if (tie.pet()) {
            EntityRef pet = new EntityRef(EntityType.OTHER, name);
            out.speakerRelation(tie.label(), pet, MemoryCategory.IDENTITY);
            out.attribute(pet, "species", tie.species(), MemoryCategory.IDENTITY);
        } else {
            MemoryCategory category = tie.friend() ? MemoryCategory.KNOWLEDGE : MemoryCategory.IDENTITY;
            out.speakerRelation(tie.label(), new EntityRef(EntityType.PERSON, name), category);
        }
    }

    /** Every household noun, longest first, for a regex alternation. */
    static String alternation() {
        return NOUNS.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).collect(Collectors.joining("|"));
    }

    private static Map<String, Tie> nouns() {
        Map<String, Tie> nouns = new HashMap<>();
        relatives(nouns, "spouse_of", "wife", "husband", "spouse");
        relatives(nouns, "partner_of", "partner", "boyfriend", "girlfriend", "fiancé", "fiancée", "fiance", "fiancee");
        relatives(nouns, "parent_of", "son", "daughter", "kid", "child", "stepson", "stepdaughter");
        plural(nouns, "parent_of", "sons", "daughters", "kids", "children");
        relatives(nouns, "child_of", "mum", "mom", "mother", "dad", "father", "mummy", "mommy", "daddy", "stepmother", "stepfather",
                "stepmom", "stepdad");
        plural(nouns, "child_of", "parents");
        relatives(nouns, "sibling_of", "brother", "sister");
        plural(nouns, "sibling_of", "brothers", "sisters", "siblings");
        relatives(nouns, "grandchild_of", "grandma", "grandpa", "grandmother", "grandfather", "granny", "grandad", "granddad", "nana");
        plural(nouns, "grandchild_of", "grandparents");
        relatives(nouns, "grandparent_of", "grandson", "granddaughter", "grandchild");
        plural(nouns, "grandparent_of", "grandkids", "grandchildren");
        relatives(nouns, "relative_of", "cousin", "aunt", "uncle", "niece", "nephew");
        plural(nouns, "relative_of", "cousins", "nieces", "nephews");
        relatives(nouns, "friend_of", "friend", "bestie");
        plural(nouns, "friend_of", "friends");
        relatives(nouns, "colleague_of", "colleague", "coworker", "co-worker", "teammate");
        plural(nouns, "colleague_of", "colleagues", "coworkers", "co-workers", "teammates");
        relatives(nouns, "reports_to", "boss", "manager");
        for (String species : PetSpecies.ALL) {
            nouns.put(species, new Tie("has_pet", false, species));
            nouns.put(PetSpecies.plural(species), new Tie("has_pet", true, species));
        }
        return Map.copyOf(nouns);
    }

    private static void relatives(Map<String, Tie> nouns, String label, String... words) {
        for (String word : words) {
            nouns.put(word, new Tie(label, false, null));
        }
    }

    private static void plural(Map<String, Tie> nouns, String label, String... words) {
        for (String word : words) {
            nouns.put(word, new Tie(label, true, null));
        }
    }
}
