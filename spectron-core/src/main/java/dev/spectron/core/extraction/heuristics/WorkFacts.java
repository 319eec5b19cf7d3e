package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.EntityType;
import dev.spectron.core.memory.MemoryCategory;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Employer ({@code employer} + {@code works_at}) and occupation. "I'm a …" counts as an
 * occupation only when the phrase looks like a job ({@link JobNouns}): "I'm a nurse", not "I'm a
 * big fan of jazz".
 */
final class WorkFacts implements FactRule {
    private static final String ORG = "(?:the )?{PROPER}";
    private static final List<GuardedPattern> EMPLOYER = List.of(
            GuardedPattern.of("{I}{_}{ADV}(?i:work|'m working|am working|'ve been working|have been working|'ve worked|have worked"
                    + "|started working|'m employed|am employed) (?i:at|for|by) " + ORG, "work", "employed"),
            GuardedPattern.of("{I}{_}{ADV}(?:(?i:'ve|have) {ADV})?(?i:joined|got a job at|got a job with|got a new job at"
                    + "|started a new job at|started a job at|got hired at|got hired by|was hired by|was hired at|signed with) " + ORG,
                    "joined", "job", "hired", "signed"));
    private static final GuardedPattern WORK_AS = GuardedPattern.of(
            "(?:{I}{_}{ADV}(?i:work|'m working|am working|'ve been working|have been working|'m employed|am employed) (?i:as)"
                    + "|\\b(?i:my job is|my job's|my profession is|my occupation is|my role is)) (?:(?i:an?) )?",
            "work", "employed", "my job", "my profession", "my occupation", "my role");
    private static final GuardedPattern I_AM_A = GuardedPattern.of("{IM} {ADV}(?i:an?) ", "i'm", "i am");
    private static final Pattern EMPLOYER_AFTER_JOB = Lexicon.pattern("^\\s+(?i:at|for|with) " + ORG);

    @Override
    public void apply(Clause clause, Findings out) {
        for (GuardedPattern pattern : EMPLOYER) {
            for (Matcher m = pattern.in(clause); m.find(); ) {
                employer(m.group(1), out);
            }
        }
        occupation(WORK_AS, clause, false, out);
        occupation(I_AM_A, clause, true, out);
    }

    private static void occupation(GuardedPattern cue, Clause clause, boolean mustLookLikeAJob, Findings out) {
        for (Matcher m = cue.in(clause); m.find(); ) {
            JobNouns.Phrase phrase = JobNouns.phraseAt(clause.text(), m.end(), clause.valueEnd(m.end()));
            if (phrase == null || (mustLookLikeAJob && !phrase.looksLikeAJob())) {
                continue;
            }
            out.speakerAttribute("occupation", phrase.text(), MemoryCategory.IDENTITY);
            Matcher at = EMPLOYER_AFTER_JOB.matcher(clause.text()).region(phrase.end(), clause.text().length());
            if (at.lookingAt()) {
                employer(at.group(1), out);
            }
        }
    }

    private static void employer(String raw, Findings out) {
        String name = Lexicon.clean(raw);
        out.speakerAttribute("employer", name, MemoryCategory.IDENTITY);
        out.speakerRelation("works_at", new EntityRef(EntityType.ORGANISATION, name), MemoryCategory.IDENTITY);
    }
}
