package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.EntityType;
import dev.spectron.core.memory.MemoryCategory;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Age, home ({@code home} + {@code lives_in}) and hometown of the speaker, and a name restated as a
 * correction ("my name is actually Tomas"; the plain "my name is" is {@link SelfIntroduction}'s).
 */
final class IdentityFacts implements FactRule {
    private static final int MAX_AGE = 120;

    private static final List<GuardedPattern> AGE = List.of(
            GuardedPattern.of("{IM} {ADV}(\\d{1,3})(?: (?i:years? old|yrs? old|y/?o))?"
                    + "(?=\\s*(?:$|[,.;!?]|(?i:and|but|now|this year|today|btw|myself)\\b))", "i'm", "i am"),
            GuardedPattern.of("{I}{_}{ADV}(?i:turned) (\\d{1,3})\\b(?! ?(?:%|percent|degrees))", "turned"));
    private static final List<GuardedPattern> HOME = List.of(
            GuardedPattern.of("(?:{I}|{WE}){_}{ADV}(?i:live|'m living|am living|'re living|are living|'ve lived|have lived|'ve been living"
                    + "|have been living|reside|'m residing|am residing) (?i:in) (?:the )?{PROPER}", "liv", "resid"),
            GuardedPattern.of("(?:{I}|{WE}){_}{ADV}(?:(?i:'ve|have) {ADV})?(?i:moved|relocated) (?i:to) (?:the )?{PROPER}", "moved", "relocated"),
            GuardedPattern.of("(?:{IM}|\\b(?i:we're|we are)) {ADV}(?i:based|settled) (?i:in) (?:the )?{PROPER}", "based", "settled"));
    private static final GuardedPattern NAME_CORRECTED = GuardedPattern.of(
            "\\b(?i:my name is|my name's) (?i:actually|really|in fact) {PERSON}", "actually", "really", "in fact");
    private static final List<GuardedPattern> HOMETOWN = List.of(
            GuardedPattern.of("{IM} {ADV}(?i:from) (?:the )?{PROPER}", "from"),
            GuardedPattern.of("{I}{_}{ADV}(?i:come from|grew up in|was born in|was raised in|was born and raised in) (?:the )?{PROPER}",
                    "come from", "grew up", "born", "raised"));

    @Override
    public void apply(Clause clause, Findings out) {
        for (GuardedPattern pattern : AGE) {
            for (Matcher m = pattern.in(clause); m.find(); ) {
                int age = Integer.parseInt(m.group(1));
                if (age > 0 && age <= MAX_AGE) {
                    out.speakerAttribute("age", Integer.toString(age), MemoryCategory.IDENTITY);
                }
            }
        }
        for (Matcher m = NAME_CORRECTED.in(clause); m.find(); ) {
            out.speakerAttribute("name", Lexicon.personName(m.group(1)), MemoryCategory.IDENTITY);
        }
        for (GuardedPattern pattern : HOME) {
            for (Matcher m = pattern.in(clause); m.find(); ) {
                String place = Lexicon.clean(m.group(1));
                out.speakerAttribute("home", place, MemoryCategory.IDENTITY);
                out.speakerRelation("lives_in", new EntityRef(EntityType.LOCATION, place), MemoryCategory.IDENTITY);
            }
        }
        for (GuardedPattern pattern : HOMETOWN) {
            for (Matcher m = pattern.in(clause); m.find(); ) {
                String place = Lexicon.clean(m.group(1));
                out.speakerAttribute("hometown", place, MemoryCategory.IDENTITY);
                out.entity(new EntityRef(EntityType.LOCATION, place), MemoryCategory.IDENTITY);
            }
        }
    }
}
