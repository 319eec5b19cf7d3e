package dev.spectron.core.port.memory;

import dev.spectron.core.retrieval.TextIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code SearchRecords.containingAll} without a database: a document matches when, for every term,
 * the term's words occur side by side in its text (a quoted FTS5 phrase, PostgreSQL's
 * {@code phraseto_tsquery}). Words are folded by the analysis the in-process {@code TextIndex} uses,
 * which is built to fold as FTS5's {@code porter unicode61}: split on anything but letters and
 * digits, lower-cased, ASCII-folded, Porter-stemmed.
 */
final class FullText {
    private FullText() {
    }

    /**
     * The phrases of {@code terms}, each term's words in order; empty when there are no terms or a
     * term has no word, either of which matches nothing.
     */
    static Optional<List<List<String>>> phrases(List<String> terms) {
        List<List<String>> phrases = new ArrayList<>();
        for (String term : terms) {
            List<String> words = words(term);
            if (words.isEmpty()) {
                return Optional.empty();
            }
            phrases.add(words);
        }
        return phrases.isEmpty() ? Optional.empty() : Optional.of(phrases);
    }

    /** True when {@code text} holds every phrase. */
    static boolean containsAll(String text, List<List<String>> phrases) {
        List<String> words = words(text);
        return phrases.stream().allMatch(phrase -> Collections.indexOfSubList(words, phrase) >= 0);
    }

    /** The same terms the in-process full-text index folds words to. */
    private static List<String> words(String text) {
        return TextIndex.analyze(text);
    }
}
