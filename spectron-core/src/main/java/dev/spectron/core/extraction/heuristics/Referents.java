package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.extraction.heuristics.Referent.Gender;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the people and pets a sentence names ({@link Referent}) and resolves "he", "she" and
 * "they" to the one referent of matching gender and number named earlier in the sentence, else in
 * the previous sentence, else in the speaker's previous turn. Two or more candidates, or none,
 * leave the pronoun unresolved, and facts about it are skipped (issue 16: precision first).
 */
final class Referents {
    private static final String NAME = "\\p{Lu}\\p{Ll}[\\p{L}\\p{M}-]*(?: \\p{Lu}\\p{Ll}[\\p{L}\\p{M}-]*)?";
    private static final String NOUN = "(?:(?i:" + Household.MODIFIERS + ") ){0,2}(?<%s>(?i:" + Household.alternation() + "))\\b";
    private static final String NAMES = "(?:,?\\s+(?<%s>" + NAME + "(?:(?:, | and |, and )" + NAME + ")*))?";
    /** Each branch opens with a one-character look-ahead: Java tries every branch at every position, and this fails them fast. */
    private static final Pattern MENTION = Pattern.compile(
            "(?=[mMoO])\\b(?i:my|our) " + NOUN.formatted("noun") + NAMES.formatted("names")
                    + "|(?=\\p{Lu})(?<owner>" + NAME + ")'s " + NOUN.formatted("pnoun") + NAMES.formatted("pnames")
                    + "|(?=[hH])\\b(?<possessive>(?i:his|her)) " + NOUN.formatted("qnoun") + NAMES.formatted("qnames")
                    + "|(?=[hHsStT])\\b(?<pronoun>(?i:he|she|they))\\b"
                    + "|(?=\\p{Lu})(?<bare>" + NAME + "(?:(?:, | and |, and )" + NAME + ")*)");
    private static final Pattern LIST_SEPARATOR = Pattern.compile(", and |, | and ");
    private static final Pattern PLACE_BEFORE = Pattern.compile("(?i)\\b(?:in|at|to|from|near|into|around|across|visit|visited|visiting)\\s+$");
    private static final Pattern GREETING_BEFORE = Pattern.compile(
            "(?i)\\b(?:hey|hi|hello|thanks|thank you|thx|wow|oh|congrats|congratulations|sorry|yeah|yes|bye|ok|okay|aw+|haha|dear|go)[,!]?\\s+$");
    private static final Pattern VOCATIVE_AFTER = Pattern.compile("^\\s*[!?]");
    /** Capitalised words that start sentences without being names (months, weekdays and "I" are listed in {@link Lexicon}). */
    private static final Set<String> NOT_NAMES = Set.of("I", "I'm", "The", "A", "An", "My", "Our", "Your", "His", "Her", "Their", "Its", "It",
            "And", "But", "So", "Or", "Then", "This", "That", "These", "Those", "There", "Here", "What", "Who", "Why", "How", "When",
            "Where", "Which", "We", "You", "Me", "Us", "Everyone", "Everybody", "Everything", "Someone", "Somebody", "Something",
            "Anyone", "Anybody", "Anything", "Nobody", "Nothing", "No", "Not", "None", "All", "Both", "Some", "Many", "Most", "Each",
            "Every", "One", "Two", "Yesterday", "Today", "Tonight", "Tomorrow", "Yeah", "Yes", "Yep", "Wow", "Oh", "Thanks", "Hey", "Hi",
            "Hello", "Well", "Also", "Plus", "Just", "Sounds", "Looks", "Seems", "Sure", "Totally", "Really", "Actually", "Honestly",
            "Definitely", "Absolutely", "Anyway", "Btw", "Haha", "Lol", "Omg", "Aw", "Aww", "Awesome", "Great", "Good", "Nice", "Cool",
            "Amazing", "Congrats", "Congratulations", "Sorry", "Glad", "Love", "Life", "Family", "Mom", "Mum", "Dad", "Mommy", "Daddy",
            "Grandma", "Grandpa", "God", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
            "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Christmas",
            "Easter", "Thanksgiving", "Halloween", "Mother", "Father", "Last", "Next", "After", "Before", "Since", "During", "Once",
            "Speaking", "Guess", "Let", "Maybe", "Perhaps", "Please", "Check", "Take", "Keep", "Happy", "Bet", "Hope", "Wish", "Nope",
            "Agreed", "Exactly", "True", "Right", "Indeed", "Ah", "Ooh", "Um", "Hmm", "Mr", "Mrs", "Ms", "Dr", "Recently", "Finally", "Luckily",
            "Hopefully", "Basically", "Obviously", "Usually", "Sadly", "Unfortunately", "Fortunately", "Thankfully", "Surprisingly",
            "Apparently", "Currently", "Lately", "Eventually", "Personally", "Seriously", "Especially", "Generally", "Literally",
            "Probably", "Originally", "Initially", "Additionally", "Afterward", "Afterwards", "Meanwhile", "Besides", "Anyways", "Later",
            "Earlier", "Sometimes", "Often", "Almost", "Overall", "Instead", "Otherwise", "Together", "Someday", "Whatever");
    /** Function words, which start a capitalised word pair ("If Lena", "At Acme") without being part of a name. */
    private static final Set<String> FUNCTION_WORDS = Set.of("if", "unless", "whether", "as", "at", "in", "on", "for", "with", "from",
            "of", "to", "by", "because", "cause", "although", "though", "even", "still", "only", "now", "later", "soon", "sometimes",
            "often", "usually", "always", "never", "again", "yet", "like", "since", "until", "while", "whereas", "about", "after",
            "before", "during", "once", "is", "was", "are", "were", "do", "does", "did", "can", "could", "would", "will", "should",
            "has", "have", "had", "may", "might", "must", "shall", "not", "no", "when", "where", "who", "why", "how", "what", "which",
            "he", "she", "they", "we", "you", "it", "i", "my", "our", "your", "his", "her", "their", "its", "the", "a", "an", "and",
            "but", "or", "so", "then", "this", "that", "these", "those", "there", "here", "let", "let's", "please", "thank", "dear");
    /** Words that may stand between a clause's start and its subject: "Yeah, so my sister …", "… and Lena …". */
    private static final Set<String> OPENERS = Set.of("yeah", "yes", "yep", "well", "oh", "so", "and", "then", "but", "also", "actually",
            "anyway", "ok", "okay", "btw", "plus", "um", "now", "because", "cause", "while", "whereas");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:!?.()\u2013\u2014]|\\s-\\s|\\b(?i:and|but|so|because|cause|while|whereas)\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
    private static final Map<String, Gender> GENDERED = genders();
    private static final Pattern PRONOUN = Pattern.compile("(?i)\\b(?:he|she|they|his|her)\\b");


    private Referents() {
    }

    /** Whether {@code text} says "he", "she", "they", "his" or "her"; cheap, so that turns without a pronoun skip the previous turn. */
    static boolean hasPronoun(String text) {
        return PRONOUN.matcher(text).find();
    }

    /** Whether {@code text} may name a pet ("my dog Max"); cheap, so that the transcript is scanned only where it may. */
    static boolean mayNamePet(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String species : PetSpecies.ALL) {
            if (lower.contains(species)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The referents in {@code text}, pronouns included (unresolved), in order.
     *
     * @param pets the normalised names of pets named before ("my dog Max"), so that "Max loves …" is about the pet
     */
    static List<Referent> scan(String text, EntityRef speaker, Set<String> pets) {
        List<Referent> found = new ArrayList<>();
        Matcher m = MENTION.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            from = m.end();
            Referent referent;
            if (m.group("noun") != null) {
                referent = relative(speaker, m.group("noun"), m.group("names"), m.start(), m.end(), speaker);
            } else if (m.group("pnoun") != null) {
                EntityRef owner = person(m.group("owner"), speaker);
                referent = isName(m.group("owner").split(" ")[0])
                        ? relative(owner, m.group("pnoun"), m.group("pnames"), m.start(), m.end(), speaker) : null;
            } else if (m.group("qnoun") != null) {
                Referent pronoun = pronoun(m.group("possessive").equalsIgnoreCase("her") ? "she" : "he", m.start(), m.end());
                referent = new Referent(List.of(), pronoun.gender(), false, null, null, m.start(), m.end(),
                        new Referent.Possessed(m.group("qnoun"), m.group("qnames")));
            } else if (m.group("pronoun") != null) {
                referent = pronoun(m.group("pronoun").toLowerCase(Locale.ROOT), m.start(), m.end());
            } else {
                String first = m.group("bare").split(" ")[0];
                if (!isName(first)) {
                    from = m.start() + first.length();
                    continue;
                }
                referent = bare(text, m.group("bare"), m.start(), m.end(), speaker, pets);
            }
            if (referent != null) {
                found.add(referent);
            }
        }
        return found;
    }

    /**
     * Replaces each pronoun in {@code found} by the one referent it can stand for, taken from the
     * referents before it in the same sentence, else from {@code previous}; drops it when there is
     * not exactly one. "Her husband Tom" becomes Tom, with the antecedent of "her" as his owner.
     */
    static List<Referent> resolve(List<Referent> found, List<Referent> previous, EntityRef speaker) {
        List<Referent> resolved = new ArrayList<>();
        for (Referent referent : found) {
            if (!referent.pronoun()) {
                resolved.add(referent);
                continue;
            }
            List<Referent> pool = resolved.isEmpty() ? previous : resolved;
            Map<List<EntityRef>, Referent> candidates = new LinkedHashMap<>();
            for (Referent candidate : pool) {
                // a pet may be "he" or "she", but has no wife or kids: "his wife" needs a person
                boolean owns = referent.possessed() == null || candidate.refs().getFirst().type() == EntityType.PERSON;
                if (!candidate.pronoun() && owns && candidate.agreesWith(referent.gender(), referent.plural())) {
                    candidates.putIfAbsent(candidate.refs(), candidate);
                }
            }
            Referent.Possessed possessed = referent.possessed();
            Referent antecedent = candidates.size() == 1 ? candidates.values().iterator().next() : null;
            if (possessed == null && antecedent != null) {
                resolved.add(antecedent.at(referent));
            } else if (possessed != null) {
                // "her husband Tom" with "her" unresolved is still Tom, only without his tie to her
                EntityRef owner = antecedent != null && antecedent.refs().size() == 1 ? antecedent.refs().getFirst() : null;
                Referent relative = owner == null && possessed.names() == null ? null
                        : relative(owner, possessed.noun(), possessed.names(), referent.start(), referent.end(), speaker);
                if (relative != null) {
                    resolved.add(relative);
                }
            }
        }
        return resolved;
    }

    /**
     * Whether the referent at {@code start} is the subject of its clause: only openers ("yeah",
     * "so", "and") stand between it and the last clause break. "If Lena is …", "I wish my sister
     * was …" and "I think she …" have other words there and are left alone.
     */
    static boolean opensClause(String text, int start) {
        String before = text.substring(0, start);
        int lastBreak = 0;
        for (Matcher m = CLAUSE_BREAK.matcher(before); m.find(); ) {
            lastBreak = m.end();
        }
        for (Matcher word = WORD.matcher(before).region(lastBreak, before.length()); word.find(); ) {
            if (!OPENERS.contains(word.group().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** "he", "she" or "they", still to be resolved. */
    private static Referent pronoun(String word, int start, int end) {
        Gender gender = switch (word) {
            case "she" -> Gender.FEMALE;
            case "he" -> Gender.MALE;
            default -> Gender.UNKNOWN;
        };
        return new Referent(List.of(), gender, word.equals("they"), null, null, start, end, null);
    }

    private static Referent relative(EntityRef owner, String rawNoun, String names, int start, int end, EntityRef speaker) {
        String noun = rawNoun.toLowerCase(Locale.ROOT);
        Household.Tie tie = Household.NOUNS.get(noun);
        EntityType type = tie.pet() ? EntityType.OTHER : EntityType.PERSON;
        Gender gender = GENDERED.getOrDefault(noun, Gender.UNKNOWN);
        if (names == null) {
            if (tie.friend()) {
                return null;
            }
            EntityRef unnamed = new EntityRef(type, owner.name() + "'s " + noun);
            return new Referent(List.of(unnamed), gender, tie.plural(), owner, tie.label(), start, end, null);
        }
        String[] each = LIST_SEPARATOR.split(names);
        if (!tie.plural() && each.length > 1) {
            return null;
        }
        List<EntityRef> refs = new ArrayList<>();
        for (String name : each) {
            if (!isName(name.split(" ")[0])) {
                return null;
            }
            refs.add(type == EntityType.PERSON ? person(name, speaker) : new EntityRef(type, name));
        }
        return new Referent(refs, gender, tie.plural(), owner, tie.label(), start, end, null);
    }

    /** A bare name or list of names, unless it is a place ("in Paris") or the person spoken to ("Thanks, Mel!"). */
    private static Referent bare(String text, String names, int start, int end, EntityRef speaker, Set<String> pets) {
        String before = text.substring(0, start);
        if (PLACE_BEFORE.matcher(before).find() || GREETING_BEFORE.matcher(before).find()
                || VOCATIVE_AFTER.matcher(text).region(end, text.length()).lookingAt()) {
            return null;
        }
        String[] each = LIST_SEPARATOR.split(names);
        List<EntityRef> refs = new ArrayList<>();
        for (String name : each) {
            if (!isName(name.split(" ")[0])) {
                return null;
            }
            refs.add(pets.contains(EntityRef.normalise(name)) ? new EntityRef(EntityType.OTHER, name) : person(name, speaker));
        }
        return new Referent(refs, Gender.UNKNOWN, refs.size() > 1, null, null, start, end, null);
    }

    /** The person named; the speaker when it is their own name. */
    private static EntityRef person(String name, EntityRef speaker) {
        EntityRef ref = new EntityRef(EntityType.PERSON, name);
        return ref.normalisedName().equals(speaker.normalisedName()) ? speaker : ref;
    }

    private static boolean isName(String word) {
        return !NOT_NAMES.contains(word) && !FUNCTION_WORDS.contains(word.toLowerCase(Locale.ROOT)) && !word.endsWith("ing");
    }

    private static Map<String, Gender> genders() {
        Map<String, Gender> genders = new HashMap<>();
        for (String noun : List.of("wife", "girlfriend", "fiancée", "fiancee", "daughter", "stepdaughter", "mum", "mom", "mother", "mummy",
                "mommy", "stepmother", "stepmom", "sister", "grandma", "grandmother", "granny", "nana", "aunt", "niece", "granddaughter")) {
            genders.put(noun, Gender.FEMALE);
        }
        for (String noun : List.of("husband", "boyfriend", "fiancé", "fiance", "son", "stepson", "dad", "father", "daddy", "stepfather",
                "stepdad", "brother", "grandpa", "grandfather", "grandad", "granddad", "uncle", "nephew", "grandson")) {
            genders.put(noun, Gender.MALE);
        }
        return Map.copyOf(genders);
    }
}
