package dev.spectron.core.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The words of a query worth matching: lower case, letters and digits, without stop words. */
public final class QueryTerms {
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "about", "as", "into",
            "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "has", "have", "had", "will", "would", "can",
            "could", "should", "may", "might", "what", "when", "where", "who", "whom", "which", "why", "how", "that", "this",
            "these", "those", "it", "its", "he", "she", "they", "them", "his", "her", "their", "i", "me", "my", "you", "your",
            "we", "our", "us", "s", "t", "not", "no", "so", "if", "than", "then", "there", "any", "some", "all", "also", "just");

    private QueryTerms() {
    }

    /** Distinct content words in order of first appearance. */
    public static List<String> of(String query) {
        Set<String> terms = new LinkedHashSet<>();
        for (String word : words(query)) {
            if (word.length() > 1 && !STOP_WORDS.contains(word)) {
                terms.add(word);
            }
        }
        return new ArrayList<>(terms);
    }

    /** Every word, stop words included, for matching multi-word entity names. */
    public static List<String> words(String query) {
        List<String> words = new ArrayList<>();
        for (String token : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!token.isEmpty()) {
                words.add(token);
            }
        }
        return words;
    }

    /** Runs of one to three consecutive words: the candidate entity names in a query. */
    public static Set<String> ngrams(String query) {
        List<String> words = words(query);
        Set<String> grams = new LinkedHashSet<>();
        for (int n = 1; n <= 3; n++) {
            for (int i = 0; i + n <= words.size(); i++) {
                String gram = String.join(" ", words.subList(i, i + n));
                if (n > 1 || !STOP_WORDS.contains(gram)) {
                    grams.add(gram);
                }
            }
        }
        return grams;
    }
}
