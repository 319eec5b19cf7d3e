package dev.spectron.core.extraction.heuristics;

import static dev.spectron.core.extraction.ExtractedInvalidation.Target.ATTRIBUTE;
import static dev.spectron.core.extraction.ExtractedInvalidation.Target.RELATION;

import java.util.Locale;
import java.util.regex.Matcher;

/**
 * "I no longer live in Lisbon", "I quit my job", "we broke up", "I'm not vegetarian anymore":
 * facts that stop being true, with no replacement (spectron-internals.md §3 rule 7). A named
 * value closes only that value; null closes every live one. A pet is closed by species ("I don't
 * have a dog anymore" → {@code pet} = dog) or, when named, by its {@code has_pet} relation.
 */
final class Invalidations implements FactRule {
    private static final String NO_LONGER = "(?:\\s+(?i:anymore|any more|any longer))";
    private static final GuardedPattern HOME = GuardedPattern.of("{I}{_}{ADV}(?i:no longer live|don't live|do not live|no longer reside"
            + "|moved out of|moved away from|moved out from)(?: (?i:in))? (?:the )?{PROPER}", "live", "reside", "moved");
    private static final GuardedPattern EMPLOYER = GuardedPattern.of("{I}{_}{ADV}(?:(?i:no longer work|don't work|do not work) (?i:at|for)"
            + "|(?i:quit|left|resigned from|retired from|was laid off from|got laid off from|was fired from|got fired from)"
            + "(?: (?i:my (?:job|position|role) (?:at|with)))?) (?:the )?{PROPER}", "work", "quit", "left", "resigned", "retired", "laid off",
            "fired");
    private static final GuardedPattern JOB_ENDED = GuardedPattern.of("{I}{_}{ADV}(?i:quit my job|left my job|lost my job|got fired"
            + "|was fired|got laid off|was laid off|resigned|retired)\\b(?! (?i:from|at|with) )", "job", "fired", "laid off", "resigned", "retired");
    private static final GuardedPattern BREAK_UP = GuardedPattern.of("(?:(?:{WE}|\\b(?i:my \\w+ and i)){_}{ADV}(?i:broke up|split up"
            + "|separated|got divorced|are divorced|'re divorced|are separated|'re separated)\\b(?! (?i:with|from))"
            + "|{I}{_}{ADV}(?i:broke up with|split up with|divorced|separated from|got divorced from) {PERSON}?)",
            "broke up", "split up", "separated", "divorced");
    private static final GuardedPattern PET_GONE = GuardedPattern.of("{I}{_}{ADV}(?i:don't have|do not have|no longer have) "
            + "(?:(?i:a|an|my|any) )?([\\p{L}]+)" + NO_LONGER + "?", "have");
    private static final GuardedPattern NAMED_PET_GONE = GuardedPattern.of("\\b(?i:my|our) ([\\p{L}]+) {PERSON} (?i:died|passed away|passed"
            + "|ran away)\\b", "died", "passed", "ran away");
    private static final GuardedPattern DIET_ENDED = GuardedPattern.of("(?:{IM} {ADV}(?i:not|no longer)|{I}{_}(?i:stopped being|quit being"
            + "|gave up being)) (?:(?i:an?) )?(?i:(" + HealthFacts.DIETS + "))\\b", HealthFacts.DIETS.split("\\|"));
    private static final GuardedPattern LIKE_ENDED = GuardedPattern.of("{I}{_}{ADV}(?:(?i:no longer) (?i:like|love|enjoy)|(?i:don't|do not)"
            + " (?i:like|love|enjoy)(?=[^,;.!?]*" + NO_LONGER + ")) ", "no longer", "any");
    private static final GuardedPattern STOPPED = GuardedPattern.of("{I}{_}{ADV}(?i:stopped|quit|gave up|'ve stopped|have stopped"
            + "|'ve given up|have given up) (?=\\p{L}+ing\\b)", "stopped", "quit", "gave up", "given up");

    @Override
    public void apply(Clause clause, Findings out) {
        for (Matcher m = HOME.in(clause); m.find(); ) {
            String place = Lexicon.clean(m.group(1));
            out.invalidate(ATTRIBUTE, "home", place);
            out.invalidate(RELATION, "lives_in", place);
        }
        for (Matcher m = EMPLOYER.in(clause); m.find(); ) {
            String employer = Lexicon.clean(m.group(1));
            out.invalidate(ATTRIBUTE, "employer", employer);
            out.invalidate(RELATION, "works_at", employer);
        }
        if (JOB_ENDED.in(clause).find()) {
            out.invalidate(ATTRIBUTE, "employer", null);
            out.invalidate(RELATION, "works_at", null);
        }
        for (Matcher m = BREAK_UP.in(clause); m.find(); ) {
            String partner = m.group(1) == null ? null : Lexicon.personName(m.group(1));
            out.invalidate(RELATION, "partner_of", partner);
            out.invalidate(RELATION, "spouse_of", partner);
        }
        for (Matcher m = PET_GONE.in(clause); m.find(); ) {
            String species = PetSpecies.of(m.group(1));
            if (species != null) {
                out.invalidate(ATTRIBUTE, "pet", species);
            }
        }
        for (Matcher m = NAMED_PET_GONE.in(clause); m.find(); ) {
            if (PetSpecies.of(m.group(1)) != null) {
                out.invalidate(RELATION, "has_pet", Lexicon.personName(m.group(2)));
            }
        }
        for (Matcher m = DIET_ENDED.in(clause); m.find(); ) {
            out.invalidate(ATTRIBUTE, "diet", m.group(1).toLowerCase(Locale.ROOT));
        }
        for (Matcher m = LIKE_ENDED.in(clause); m.find(); ) {
            out.invalidate(ATTRIBUTE, "likes", clause.value(m.end()));
        }
        for (Matcher m = STOPPED.in(clause); m.find(); ) {
            out.invalidate(ATTRIBUTE, "hobby", clause.value(m.end()));
        }
    }
}
