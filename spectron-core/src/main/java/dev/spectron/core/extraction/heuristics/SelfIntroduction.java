package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.memory.MemoryCategory;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * "My name is Ada", "I'm Ada", "call me Ada", "this is Ada speaking": the speaker's name. Found
 * before the other rules run, because an unnamed speaker's facts attach to the name given.
 */
final class SelfIntroduction implements FactRule {
    private static final List<GuardedPattern> PATTERNS = List.of(
            GuardedPattern.of("\\b(?i:my name is|my name's) {PERSON}", "my name"),
            GuardedPattern.of("\\b(?i:call me) {PERSON}", "call me"),
            GuardedPattern.of("\\b(?i:this is) {PERSON} (?i:speaking)\\b", "speaking"),
            GuardedPattern.of("{IM} {PERSON}(?=\\s*(?:$|[,.;!?]|(?i:and|but|from|here|by the way|btw)\\b))", "i'm", "i am"));

    /** Capitalised words that follow "I'm" without being a name. */
    private static final Set<String> NOT_NAMES = Set.of(
            "Sorry", "Fine", "Good", "Great", "Okay", "Here", "Back", "Home", "Just", "Not", "Also", "Really", "Very", "Happy", "Glad",
            "Sure", "Done", "Ready", "Still", "Afraid", "Excited", "Tired", "Hungry", "Busy", "Well", "Alright", "Pretty", "Single",
            "Married", "Retired", "Pregnant", "Vegan", "Vegetarian", "American", "British", "English", "Scottish", "Irish", "Welsh",
            "Canadian", "Australian", "French", "German", "Spanish", "Portuguese", "Italian", "Dutch", "Belgian", "Swiss", "Austrian",
            "Swedish", "Norwegian", "Danish", "Finnish", "Polish", "Czech", "Russian", "Ukrainian", "Greek", "Turkish", "Brazilian",
            "Mexican", "Argentinian", "Colombian", "Indian", "Pakistani", "Chinese", "Japanese", "Korean", "Vietnamese", "Thai",
            "Filipino", "Nigerian", "Kenyan", "Egyptian", "Israeli", "Iranian", "European", "African", "Asian", "Latino", "Latina",
            "Jewish", "Muslim", "Christian", "Catholic", "Buddhist", "Hindu", "Atheist", "Agnostic");

    /** The name the speaker gives in {@code sentence}, if any. */
    static Optional<String> find(String sentence, String lower) {
        for (GuardedPattern pattern : PATTERNS) {
            for (Matcher matcher = pattern.in(sentence, lower); matcher.find(); ) {
                String name = Lexicon.personName(matcher.group(1));
                if (!NOT_NAMES.contains(name.split(" ")[0])) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void apply(Clause clause, Findings out) {
        find(clause.text(), clause.lower()).ifPresent(name -> out.speakerAttribute("name", name, MemoryCategory.IDENTITY));
    }
}
