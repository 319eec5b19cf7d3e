package dev.spectron.core.port.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * {@code SearchRecords.containingAll} without a database: a document matches when, for every term,
 * the term's words occur side by side in its text (a quoted FTS5 phrase, PostgreSQL's
 * {@code phraseto_tsquery}). Words are folded by the analysis the in-process {@code TextIndex} uses,
 * which is built to fold as FTS5's {@code porter unicode61}: split on anything but letters and
 * digits, lower-cased, ASCII-folded, Porter-stemmed. Repeated here rather than opened up in
 * {@code TextIndex}, whose analyzer is private to the read path.
 */
final class FullText {
    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            CharTokenizer words = CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
            TokenStream stream = new PorterStemFilter(new ASCIIFoldingFilter(new LowerCaseFilter(words)));
            return new TokenStreamComponents(words, stream);
        }
    };

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

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
