package dev.spectron.core.forget;

import dev.spectron.core.InvalidInputException;
import dev.spectron.core.memory.AttributeKeys;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.EntityType;
import dev.spectron.core.retrieval.QueryTerms;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a forget names, read conservatively because forgetting destroys: either an exact entity
 * reference, or words that every matching row must contain. Nothing is matched by similarity.
 */
public sealed interface ForgetQuery {
    /** Besides the retrieval stop words: "am", and the request's own words ("please forget that ..."). */
    Set<String> IGNORED = Set.of("am", "forget", "please");

    /**
     * {@code type/name}: the entity and every fact about it. {@code type/name/key}: the entity's
     * attributes of that key and its relations of that label ({@code key} null in the first form).
     */
    record Reference(EntityRef entity, String key) implements ForgetQuery {
    }

    /**
     * Content words (stop words left out). A row matches when its own text — a fact's sentence, an
     * instruction, what a turn said — contains every one of them; a plural counts as its singular.
     */
    record Words(List<String> terms) implements ForgetQuery {
        public Words {
            terms = terms.stream().map(Words::fold).distinct().toList();
        }

        public boolean matches(String text) {
            Set<String> words = QueryTerms.words(text).stream().map(Words::fold).collect(Collectors.toSet());
            return words.containsAll(terms);
        }

        /** "peanuts" and "peanut", "allergies" and "allergy" are one word; nothing looser. */
        static String fold(String word) {
            if (word.length() > 4 && word.endsWith("ies")) {
                return word.substring(0, word.length() - 3) + "y";
            }
            if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
                return word.substring(0, word.length() - 1);
            }
            return word;
        }
    }

    /**
     * A reference when the first of two or three {@code /}-separated parts is an entity type spelled
     * exactly ({@code person}, not the synonym {@code user}: {@code user/ada} is a scope path, not
     * Ada); words otherwise.
     *
     * @throws InvalidInputException when the query is blank or has only stop words
     */
    static ForgetQuery parse(String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidInputException("query", "field 'query' must not be empty");
        }
        String[] parts = query.strip().split("/", -1);
        if ((parts.length == 2 || parts.length == 3) && Arrays.stream(parts).noneMatch(String::isBlank) && isEntityType(parts[0])) {
            EntityRef entity = EntityRef.of(parts[0].strip(), parts[1]);
            return new Reference(entity, parts.length == 3 ? AttributeKeys.normalise(parts[2]) : null);
        }
        List<String> terms = QueryTerms.of(query).stream().filter(t -> !IGNORED.contains(t)).toList();
        if (terms.isEmpty()) {
            throw new InvalidInputException("query", "query '" + query.strip() + "' has no word to match (only stop words); "
                    + "name what to forget, e.g. 'peanuts' or 'person/ada'");
        }
        return new Words(terms);
    }

    private static boolean isEntityType(String part) {
        String type = part.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(EntityType.values()).anyMatch(t -> t.wireName().equals(type));
    }
}
