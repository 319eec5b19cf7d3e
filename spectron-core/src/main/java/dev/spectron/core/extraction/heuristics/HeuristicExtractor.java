package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.extraction.TurnInput;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.EntityType;
import dev.spectron.core.session.Role;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Stage 0 of extraction (spectron-internals.md §2.2): pattern rules, no model, no I/O. Finds
 * first-person facts, preferences, invalidations, corrections, instructions and dated activities,
 * with temporal phrases resolved against the turn's time ({@link TemporalResolver}), and facts
 * about the people and pets the speaker talks about ({@link ThirdPersonFacts}), with "he", "she"
 * and "they" resolved where only one earlier referent fits ({@link Referents}).
 *
 * <p>Who a fact is about: {@link TurnInput#speaker()} when set, else a name the speaker gives in
 * the turn ("I'm Ada"), else the person {@code user}. Only user turns yield facts; system turns
 * yield only instructions; assistant and tool turns yield nothing (what the assistant says about
 * itself is not a user fact). Questions and quoted speech yield no facts.
 *
 * <p>Confidence is {@value #PLAIN} for plain statements, {@value #HEDGED} for hedged ones ("I
 * think …", with an uncertainty per fact) and {@value #CORRECTION} for explicit corrections.
 * Thread-safe: patterns are compiled once and each call keeps its state on the stack.
 */
public final class HeuristicExtractor {
    static final double PLAIN = 0.9;
    static final double HEDGED = 0.5;
    static final double CORRECTION = 0.95;
    static final EntityRef UNKNOWN_SPEAKER = new EntityRef(EntityType.PERSON, "user");
    /** How {@link TurnInput#transcript()} renders a user turn. */
    private static final String PREVIOUS_USER_TURN = Role.USER.wireName() + ": ";

    private static final Pattern FIRST_PERSON = Pattern.compile("(?i)\\b(?:i|i'm|i've|i'd|i'll|my|me|we|we're|we've|our|mine)\\b");
    private static final FactRule SELF_INTRODUCTION = new SelfIntroduction();
    private static final List<FactRule> FIRST_PERSON_RULES = List.of(new IdentityFacts(), new WorkFacts(), new Household(),
            new HaveStatements(), new HealthFacts(), new PreferenceRules(), new Invalidations());

    private final TemporalResolver temporal = new TemporalResolver();

    public Extraction extract(TurnInput turn) {
        Objects.requireNonNull(turn, "turn");
        Role role = Objects.requireNonNull(turn.role(), "role");
        if (turn.text() == null || turn.text().isBlank() || role == Role.ASSISTANT || role == Role.TOOL) {
            return Extraction.EMPTY;
        }
        String masked = SentenceSplitter.mask(turn.text());
        List<Sentence> sentences = SentenceSplitter.split(masked);
        boolean user = role == Role.USER;
        Findings out = new Findings(user ? speaker(turn, masked, sentences) : UNKNOWN_SPEAKER);
        ZoneId zone = turn.zone() != null ? turn.zone() : ZoneOffset.UTC;
        LocalDate today = LocalDate.ofInstant(Objects.requireNonNull(turn.spokenAt(), "spokenAt"), zone);
        Set<String> pets = new HashSet<>();
        List<Referent> previous = user ? previousTurnReferents(turn, Referents.hasPronoun(masked), out.speaker(), pets) : List.of();
        for (Sentence sentence : sentences) {
            String text = sentence.of(masked);
            String quote = sentence.of(turn.text());
            InstructionCues.apply(text, quote, sentence.question(), sentence, out);
            if (user && !sentence.question()) {
                previous = facts(text, quote, sentence, today, zone, previous, pets, out);
            } else if (user) {
                previous = Referents.resolve(Referents.scan(text, out.speaker(), pets), previous, out.speaker());
            }
            previous.stream().flatMap(referent -> referent.refs().stream()).filter(ref -> ref.type() == EntityType.OTHER)
                    .forEach(ref -> pets.add(ref.normalisedName()));
        }
        return out.build();
    }

    /** Runs the fact rules on one sentence; returns the people and pets it names, for the pronouns of the next one. */
    private List<Referent> facts(String text, String quote, Sentence sentence, LocalDate today, ZoneId zone, List<Referent> previous,
                                 Set<String> pets, Findings out) {
        Corrections.Prefixed prefixed = Corrections.prefix(text);
        String body = text.substring(prefixed.bodyStart());
        Corrections.Rewrite rewrite = Corrections.selfCorrection(body);
        Clause clause = clause(rewrite != null ? rewrite.text() : body, prefixed.correction() || rewrite != null, quote, sentence,
                today, zone);
        out.begin(clause);
        SELF_INTRODUCTION.apply(clause, out);
        boolean firstPerson = FIRST_PERSON.matcher(clause.text()).find();
        if (firstPerson) {
            FIRST_PERSON_RULES.forEach(rule -> rule.apply(clause, out));
        }
        List<Referent> referents = Referents.resolve(Referents.scan(clause.text(), out.speaker(), pets), previous,
                out.speaker());
        ThirdPersonFacts.apply(clause, referents, out);
        if (out.factsInClause() == 0) {
            Corrections.Rewrite keyless = rewrite != null ? rewrite : Corrections.keyless(clause.text(), prefixed.correction());
            if (keyless != null) {
                out.correction(keyless.oldValue(), keyless.newValue());
            }
        }
        TemporalRange when = firstRange(clause.temporal());
        if (out.factsInClause() == 0 && firstPerson && when != null) {
            DatedActivities.apply(clause, when, out);
        }
        uncertainties(clause, out);
        return referents;
    }

    /**
     * The people and pets the speaker named in their previous turn, for a pronoun in this turn's
     * first sentence; collects into {@code pets} the pets named anywhere in the recent transcript.
     */
    private static List<Referent> previousTurnReferents(TurnInput turn, boolean pronouns, EntityRef speaker, Set<String> pets) {
        List<Referent> last = List.of();
        List<String> transcript = turn.transcript();
        for (int i = 0; i < transcript.size(); i++) {
            String said = transcript.get(i);
            boolean isLast = i == transcript.size() - 1;
            last = List.of();
            // scanning is the costly part of stage 0: only where a pet may be named, or a pronoun needs the last turn
            if (said.startsWith(PREVIOUS_USER_TURN) && ((isLast && pronouns) || Referents.mayNamePet(said))) {
                String text = SentenceSplitter.mask(said.substring(PREVIOUS_USER_TURN.length()));
                last = Referents.resolve(Referents.scan(text, speaker, pets), List.of(), speaker);
                last.stream().flatMap(referent -> referent.refs().stream()).filter(ref -> ref.type() == EntityType.OTHER)
                        .forEach(ref -> pets.add(ref.normalisedName()));
            }
        }
        return last;
    }

    private Clause clause(String text, boolean correction, String quote, Sentence sentence, LocalDate today, ZoneId zone) {
        double confidence = correction ? CORRECTION : Hedges.isHedged(text) ? HEDGED : PLAIN;
        List<TemporalMention> mentions = temporal.find(text, today, null);
        TemporalRange when = firstRange(mentions);
        return new Clause(text, text.toLowerCase(Locale.ROOT), quote, sentence.span(), confidence, correction,
                when == null ? null : when.startInstant(zone), mentions);
    }

    private static TemporalRange firstRange(List<TemporalMention> mentions) {
        return mentions.stream().filter(TemporalRange.class::isInstance).map(TemporalRange.class::cast).findFirst().orElse(null);
    }

    private static void uncertainties(Clause clause, Findings out) {
        for (String about : out.aboutInClause()) {
            if (clause.confidence() == HEDGED) {
                out.uncertainty(about, "hedged statement: " + clause.quote().strip());
            }
            for (TemporalMention mention : clause.temporal()) {
                if (mention instanceof UnresolvedTemporal unresolved) {
                    out.uncertainty(about, "unresolvable date: " + unresolved.phrase());
                }
            }
        }
    }

    private static EntityRef speaker(TurnInput turn, String masked, List<Sentence> sentences) {
        if (turn.speaker() != null && !turn.speaker().isBlank()) {
            return new EntityRef(EntityType.PERSON, turn.speaker());
        }
        return sentences.stream().filter(sentence -> !sentence.question())
                .flatMap(sentence -> {
                    String text = sentence.of(masked);
                    return SelfIntroduction.find(text, text.toLowerCase(Locale.ROOT)).stream();
                })
                .findFirst().map(name -> new EntityRef(EntityType.PERSON, name)).orElse(UNKNOWN_SPEAKER);
    }
}
