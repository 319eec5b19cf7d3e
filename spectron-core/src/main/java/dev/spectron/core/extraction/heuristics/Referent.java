package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.memory.EntityRef;
import java.util.List;

/**
 * A person or pet a sentence talks about: "Lena", "my brother Jonas", "my kids", "Melanie's kids",
 * "Tom and Ana", or a pronoun ("she") once resolved.
 *
 * @param refs    the entities it names; empty for a pronoun not (yet) resolved
 * @param gender  what "he"/"she" must agree with
 * @param plural  whether "they" refers to it
 * @param owner   whose relative or pet it is ("my" → the speaker, "Melanie's" → Melanie), or null
 * @param tie     the owner's relation label to it ({@code sibling_of}, {@code parent_of} …), or null
 * @param start   where the phrase starts in the clause
 * @param end     where it ends
 * @param possessed for "her husband Tom": the relative named after the possessive pronoun, built
 *                  once the pronoun is resolved; null otherwise
 */
record Referent(List<EntityRef> refs, Gender gender, boolean plural, EntityRef owner, String tie, int start, int end,
                Possessed possessed) {
    enum Gender { FEMALE, MALE, UNKNOWN }

    /** "husband" and "Tom" of "her husband Tom" ({@code names} may be null). */
    record Possessed(String noun, String names) {
    }

    Referent {
        refs = List.copyOf(refs);
    }

    /** "she" or "her husband", not yet resolved. */
    boolean pronoun() {
        return refs.isEmpty();
    }

    /** Whether a pronoun of {@code gender} and {@code plural} can stand for this referent. */
    boolean agreesWith(Gender pronounGender, boolean pronounPlural) {
        if (plural != pronounPlural) {
            return false;
        }
        return plural || gender == Gender.UNKNOWN || gender == pronounGender;
    }

    /** This referent, standing where the pronoun {@code at} stands. */
    Referent at(Referent pronoun) {
        return new Referent(refs, gender, plural, owner, tie, pronoun.start(), pronoun.end(), null);
    }
}
