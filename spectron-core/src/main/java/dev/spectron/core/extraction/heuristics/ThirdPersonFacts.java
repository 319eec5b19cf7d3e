package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.EntityType;
import dev.spectron.core.memory.MemoryCategory;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts about other people and pets (issue 16 point 2): "Lena is a nurse", "my brother Jonas
 * lives in Hamburg", "Melanie's kids love the beach", "Caroline went to a support group", "she
 * turned 30". The subject is a {@link Referent} that opens its clause; the verb follows it
 * directly, in the present tense for states (occupation, home, employer, age, likes) and in the
 * past for events ({@code activity}, dated by the turn or by a temporal phrase). Negated,
 * hypothetical and wished-for statements do not match: "Lena isn't a nurse", "Lena would be a
 * nurse", "I wish my sister was a nurse". "Lena is a nurse and lives in Hamburg" gives both facts.
 */
final class ThirdPersonFacts {
    private static final String ORG = "(?:the )?{PROPER}";
    private static final Pattern OCCUPATION = Lexicon.pattern("^{_}{ADV}(?i:is|'s|works as|is working as|'s working as) (?i:an?) ");
    private static final Pattern EMPLOYER_AFTER_JOB = Lexicon.pattern("^\\s+(?i:at|for|with) " + ORG);
    private static final Agreeing HOME = Agreeing.of("^{_}{ADV}(?:(?:(?i:has|have|'s|'ve) {ADV})?(?i:moved|relocated) (?i:to)"
            + "|(?i:%s) (?i:in)) (?:the )?{PROPER}",
            "lives|is living|'s living|has lived|has been living|resides|is based|'s based|is settled|'s settled",
            "live|are living|'re living|have lived|have been living|reside|are based|'re based|are settled|'re settled");
    private static final Agreeing HOMETOWN = Agreeing.of("^{_}{ADV}(?i:%s|grew up in|was born in|were born in|was born and raised in"
            + "|was raised in|were raised in) (?:the )?{PROPER}", "is from|'s from|comes from", "are from|'re from|come from");
    private static final Agreeing EMPLOYER = Agreeing.of("^{_}{ADV}(?i:%s) (?i:at|for) " + ORG, "works|is working|'s working",
            "work|are working|'re working");
    private static final Pattern AGE = Lexicon.pattern("^{_}{ADV}(?i:is|'s|just turned|turned|turns) (\\d{1,3})(?: (?i:years? old|yrs? old))?"
            + "(?=\\s*(?:$|[,.;!?]|(?i:and|but|now|this year|today)\\b))");
    private static final String MONTH = "(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?"
            + "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final String DAY = "\\d{1,2}(?i:st|nd|rd|th)?";
    private static final Pattern BIRTHDAY = Pattern.compile("^(?:'s (?i:birthday) (?:(?i:is|was) )?|\\s+(?i:was born) )(?:(?i:on) )?"
            + "((?:" + MONTH + "\\.? " + DAY + "|" + DAY + " (?:(?i:of) )?" + MONTH + ")(?:,? \\d{4})?)\\b");
    private static final Agreeing LIKES = Agreeing.of("^{_}{ADV}(?i:%s) ",
            "loves|likes|enjoys|adores|is into|'s into|is obsessed with|'s obsessed with|is crazy about|'s crazy about",
            "love|like|enjoy|adore|are into|'re into|are obsessed with|'re obsessed with|are crazy about|'re crazy about");
    private static final Agreeing DISLIKES = Agreeing.of("^{_}{ADV}(?i:%s) ", "hates|dislikes|can't stand|cannot stand",
            "hate|dislike|can't stand|cannot stand");
    private static final Pattern IS_MY = Lexicon.pattern("^{_}{ADV}(?i:is|'s) (?i:my) (?:(?i:" + Household.MODIFIERS + ") ){0,2}"
            + "(?i:(" + Household.alternation() + "))\\b(?!'s| \\p{Lu})");
    private static final Pattern MARRIED = Lexicon.pattern("^{_}{ADV}(?i:is|'s|got|just got) (?i:(married|engaged)) (?i:to) {PERSON}");
    /** Past events; multi-word ones first, so "passed away" is not "passed". */
    private static final Pattern EVENT = Lexicon.pattern("^{_}{ADV}(?:(?i:has|have|'s|'ve) {ADV})?(?i:(passed away|got married"
            + "|got engaged|signed up|took up|went|visited|attended|joined|started|adopted|finished|graduated|won|ran|hiked|travelled"
            + "|traveled|flew|drove|met|celebrated|got|bought|volunteered|competed|performed|gave|learned|learnt|tried|opened|launched"
            + "|published|wrote|painted|built|completed|received|passed|lost|moved|began|quit|retired|organized|organised|hosted|entered"
            + "|applied|died))(?![\\p{L}'])");
    private static final Pattern AND = Pattern.compile("^,?\\s+(?i:and)(?=\\s)");
    private static final Pattern LOOSE_END = Pattern.compile("(?i)\\s+(?:about|around|roughly|approximately|nearly|almost|over|like|since|for)$");
    private static final Pattern DANGLING = Pattern.compile("(?i)\\b(?:to|for|with|at|in|on|of|from|about|into|and|the|a|an)$");
    /** Events that need no object: "my grandma passed away", "he retired". */
    private static final Set<String> COMPLETE_EVENTS = Set.of("passed away", "died", "retired", "graduated", "got married", "got engaged",
            "quit");
    private static final Pattern WENT_OBJECT = Pattern.compile("(?i)^\\s+(?:to|on|for|out|back|home|abroad|\\p{L}+ing)\\b");
    private static final Set<String> PERSONAL_OBJECTS = Set.of("me", "us", "him", "her", "them", "it", "you", "myself", "himself",
            "herself", "themselves", "there", "here", "by", "well", "better", "worse", "through", "up", "out", "away", "over", "off");
    /** First words that make "is a …" praise rather than a job: "a great listener", "a natural leader". */
    private static final Set<String> PRAISE = Set.of("great", "good", "amazing", "awesome", "wonderful", "fantastic", "brilliant", "natural",
            "born", "terrible", "bad", "decent", "fine", "true", "real", "total", "super", "excellent", "talented", "gifted", "fast",
            "quick", "slow", "smart", "nice", "sweet", "lovely", "kind", "caring", "hard", "strong", "huge", "big", "proud", "better",
            "best", "such", "bit", "little", "sort", "kind of", "bad-ass", "badass", "former", "retired", "would-be", "future");
    private static final Set<String> NOT_JOBS = Set.of("listener", "speaker", "leader", "supporter", "friend", "cheerleader", "role",
            "inspiration", "fighter", "joker", "character", "member", "part", "lover", "helper", "player", "sweetheart", "survivor");
    private static final int MAX_LIKE_WORDS = 6;
    private static final int MAX_EVENT_WORDS = 10;
    private static final int MAX_AGE = 120;
    private static final int MAX_PREDICATES = 3;

    /** One predicate in the singular ("Lena lives in") and the plural ("my kids live in"): "Books like that" is no preference. */
    private record Agreeing(Pattern singular, Pattern plural) {
        static Agreeing of(String template, String singularVerbs, String pluralVerbs) {
            return new Agreeing(Lexicon.pattern(template.formatted(singularVerbs)), Lexicon.pattern(template.formatted(pluralVerbs)));
        }

        Pattern of(Referent referent) {
            return referent.plural() ? plural : singular;
        }
    }

    private ThirdPersonFacts() {
    }

    /** Facts about each resolved referent in {@code referents} that is the subject of its clause. */
    static void apply(Clause clause, List<Referent> referents, Findings out) {
        for (Referent referent : referents) {
            if (referent.pronoun() || !Referents.opensClause(clause.text(), referent.start())) {
                continue;
            }
            int at = referent.end();
            for (int i = 0; i < MAX_PREDICATES && at >= 0; i++) {
                int end = predicate(clause, at, referent, out);
                Matcher and = end < 0 ? null : AND.matcher(clause.text()).region(end, clause.text().length());
                at = and != null && and.lookingAt() ? and.end() : -1;
            }
        }
    }

    /** The first predicate found at {@code at}; returns where it ends, or -1. */
    private static int predicate(Clause clause, int at, Referent referent, Findings out) {
        boolean pet = referent.refs().getFirst().type() != EntityType.PERSON;
        int end = pet ? -1 : work(clause, at, referent, out);
        end = end >= 0 ? end : whereAndWhen(clause.text(), at, referent, out);
        end = end >= 0 ? end : preferences(clause, at, referent, out);
        end = end >= 0 || pet ? end : relationships(clause.text(), at, referent, out);
        if (end < 0) {
            Matcher m = match(EVENT, clause.text(), at);
            end = m == null ? -1 : event(clause, m, referent, out);
        }
        return end;
    }

    /** Occupation and employer; people only ("Max is a Labrador" is no job). */
    private static int work(Clause clause, int at, Referent referent, Findings out) {
        Matcher m = match(OCCUPATION, clause.text(), at);
        if (m != null) {
            return occupation(clause, m.end(), referent, out);
        }
        m = match(EMPLOYER.of(referent), clause.text(), at);
        if (m == null) {
            return -1;
        }
        String employer = Lexicon.clean(m.group(1));
        facts(referent, out, ref -> employer(ref, employer, out));
        return m.end();
    }

    /** Home, hometown, age and birthday. */
    private static int whereAndWhen(String text, int at, Referent referent, Findings out) {
        Matcher m;
        if ((m = match(HOME.of(referent), text, at)) != null) {
            String place = Lexicon.clean(m.group(1));
            facts(referent, out, ref -> {
                out.attribute(ref, "home", place, MemoryCategory.IDENTITY);
                out.relation(ref, "lives_in", new EntityRef(EntityType.LOCATION, place), MemoryCategory.IDENTITY);
            });
        } else if ((m = match(HOMETOWN.of(referent), text, at)) != null) {
            String place = Lexicon.clean(m.group(1));
            facts(referent, out, ref -> out.attribute(ref, "hometown", place, MemoryCategory.IDENTITY));
        } else if (!referent.plural() && (m = match(AGE, text, at)) != null) {
            int age = Integer.parseInt(m.group(1));
            if (age > 0 && age <= MAX_AGE) {
                facts(referent, out, ref -> out.attribute(ref, "age", Integer.toString(age), MemoryCategory.IDENTITY));
            }
        } else if (!referent.plural() && (m = match(BIRTHDAY, text, at)) != null) {
            String day = Lexicon.clean(m.group(1));
            facts(referent, out, ref -> out.attribute(ref, "birthday", day, MemoryCategory.IDENTITY));
        }
        return m == null ? -1 : m.end();
    }

    private static int preferences(Clause clause, int at, Referent referent, Findings out) {
        Matcher m = match(LIKES.of(referent), clause.text(), at);
        if (m != null) {
            return preference("likes", clause, m.end(), referent, out);
        }
        m = match(DISLIKES.of(referent), clause.text(), at);
        return m == null ? -1 : preference("dislikes", clause, m.end(), referent, out);
    }

    /** "Lena is my sister" (the speaker's tie to Lena), "Lena is married to Tom". */
    private static int relationships(String text, int at, Referent referent, Findings out) {
        Matcher m = match(IS_MY, text, at);
        if (m != null && referent.owner() == null) {
            Household.Tie tie = Household.NOUNS.get(m.group(1).toLowerCase(Locale.ROOT));
            if (!tie.pet() && !tie.plural()) {
                MemoryCategory category = tie.friend() ? MemoryCategory.KNOWLEDGE : MemoryCategory.IDENTITY;
                referent.refs().forEach(ref -> out.speakerRelation(tie.label(), ref, category));
            }
            return m.end();
        }
        m = match(MARRIED, text, at);
        if (m == null) {
            return -1;
        }
        String label = m.group(1).equalsIgnoreCase("married") ? "spouse_of" : "partner_of";
        EntityRef partner = new EntityRef(EntityType.PERSON, Lexicon.personName(m.group(2)));
        facts(referent, out, ref -> out.relation(ref, label, partner, MemoryCategory.IDENTITY));
        return m.end();
    }

    private static int occupation(Clause clause, int from, Referent referent, Findings out) {
        JobNouns.Phrase phrase = JobNouns.phraseAt(clause.text(), from, clause.valueEnd(from));
        if (phrase == null || !phrase.looksLikeAJob() || PRAISE.contains(phrase.words().getFirst())
                || NOT_JOBS.contains(phrase.words().getLast()) || referent.plural()) {
            return -1;
        }
        Matcher at = EMPLOYER_AFTER_JOB.matcher(clause.text()).region(phrase.end(), clause.text().length());
        boolean employed = at.lookingAt();
        facts(referent, out, ref -> {
            out.attribute(ref, "occupation", phrase.text(), MemoryCategory.IDENTITY);
            if (employed) {
                employer(ref, Lexicon.clean(at.group(1)), out);
            }
        });
        return employed ? at.end() : phrase.end();
    }

    private static int preference(String key, Clause clause, int from, Referent referent, Findings out) {
        String value = clause.value(from);
        if (!Lexicon.isThing(value, MAX_LIKE_WORDS)) {
            return -1;
        }
        facts(referent, out, ref -> out.attribute(ref, key, value, MemoryCategory.KNOWLEDGE));
        return clause.valueEnd(from);
    }

    /** "went to a support group (2023-05-07)": a past event, dated by its temporal phrase or, without one, by the turn. */
    private static int event(Clause clause, Matcher verb, Referent referent, Findings out) {
        String text = clause.text();
        String word = verb.group(1).toLowerCase(Locale.ROOT);
        int start = verb.start(1);
        int end = clause.clauseEnd(start);
        if (word.equals("went") && !WENT_OBJECT.matcher(text).region(verb.end(), end).lookingAt()) {
            return -1;
        }
        TemporalRange when = rangeWithin(clause, start, end);
        String before = LOOSE_END.matcher(Lexicon.clean(text.substring(start, when != null ? when.span().start() : end))).replaceFirst("");
        String object = before.length() > word.length() ? before.substring(word.length()).strip() : "";
        String firstObjectWord = object.split(" ")[0].toLowerCase(Locale.ROOT);
        boolean complete = object.isEmpty() ? COMPLETE_EVENTS.contains(word) : !PERSONAL_OBJECTS.contains(firstObjectWord);
        if (!complete || before.split(" ").length > MAX_EVENT_WORDS || DANGLING.matcher(before).find()) {
            return -1;
        }
        String after = when == null ? "" : Lexicon.clean(text.substring(when.span().end(), end));
        String value = before + (when == null ? "" : " (" + when.label() + ")" + (after.isEmpty() || after.split(" ").length > 4
                ? "" : " " + after));
        facts(referent, out, ref -> out.attribute(ref, "activity", value, MemoryCategory.CONTEXT));
        return end;
    }

    private static TemporalRange rangeWithin(Clause clause, int start, int end) {
        for (TemporalMention mention : clause.temporal()) {
            if (mention instanceof TemporalRange range && range.span().start() >= start && range.span().end() <= end) {
                return range;
            }
        }
        return null;
    }

    private static void employer(EntityRef ref, String employer, Findings out) {
        out.attribute(ref, "employer", employer, MemoryCategory.IDENTITY);
        out.relation(ref, "works_at", new EntityRef(EntityType.ORGANISATION, employer), MemoryCategory.IDENTITY);
    }

    /** Writes {@code fact} for every entity of {@code referent}, and the owner's tie to it ("my kids" → the speaker's {@code parent_of}). */
    private static void facts(Referent referent, Findings out, Consumer<EntityRef> fact) {
        for (EntityRef ref : referent.refs()) {
            if (referent.owner() != null) {
                MemoryCategory category = referent.tie().equals("friend_of") ? MemoryCategory.KNOWLEDGE : MemoryCategory.IDENTITY;
                out.relation(referent.owner(), referent.tie(), ref, category);
            }
            fact.accept(ref);
        }
    }

    private static Matcher match(Pattern pattern, String text, int at) {
        Matcher m = pattern.matcher(text).region(at, text.length());
        return m.lookingAt() ? m : null;
    }
}
