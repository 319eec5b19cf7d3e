package dev.spectron.core.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * BM25 full-text search over the documents of one context, in process: the text counterpart of
 * {@link dev.spectron.core.embedding.VectorIndex}, kept current by {@link TextCache}.
 *
 * <p><b>Words.</b> Text is split on anything but letters and digits, lower-cased, folded to ASCII
 * and Porter-stemmed (Lucene's analysis), as SQLite's FTS5 {@code porter unicode61} tokenizer
 * does, so "painting" finds "painted" and "Caroline's" finds "Caroline".
 *
 * <p><b>Why not the database or a Lucene index.</b> FTS5's {@code bm25()} costs about 2 µs per
 * matching row, 6 ms a query at 10k documents and ten times that at 100k. A Lucene index searches
 * fast, but a search must first see the writes just made (a chat stores its message, then reads),
 * and opening them as a new segment cost 3 ms median, 12–15 ms p95 per chat. Here a write appends
 * to the postings it touches and a search scores them directly: tens of microseconds for the few
 * thousand postings of a query at 10k documents.
 *
 * <p><b>Scoring.</b> Okapi BM25 (k1 = 1.2, b = 0.75) with Lucene's always-positive idf; a word
 * given twice counts twice; ties go to the older document. Removed documents leave the statistics
 * at once and their postings at the next compaction.
 *
 * <p><b>Threads.</b> A {@link ReentrantReadWriteLock}: searches share the read lock; {@link #add}
 * and {@link #remove} take the write lock.
 */
public final class TextIndex {
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            CharTokenizer words = CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
            TokenStream stream = new PorterStemFilter(new ASCIIFoldingFilter(new LowerCaseFilter(words)));
            return new TokenStreamComponents(words, stream);
        }
    };

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Postings> postings = new HashMap<>();
    private final Map<String, Integer> slotsById = new HashMap<>();
    /** Per slot, in the order documents were added: id, length in terms, postings it is in; null once removed. */
    private String[] ids = new String[64];
    private int[] lengths = new int[64];
    private Postings[][] postingsOf = new Postings[64][];
    private final Queue<double[]> spare = new ConcurrentLinkedQueue<>();
    private int slots;
    private int live;
    private long liveLength;

    /** One term's documents in slot order, with the term's count in each and how many are still live. */
    private static final class Postings {
        int[] slots = new int[4];
        int[] counts = new int[4];
        int size;
        int liveDocs;

        void append(int slot, int count) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            slots[size] = slot;
            counts[size++] = count;
            liveDocs++;
        }
    }

    /** Adds {@code id}'s text unless the index holds it already: a document's text never changes. */
    public void add(String id, String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> terms = analyze(text);
        terms.forEach(term -> counts.merge(term, 1, Integer::sum));
        lock.writeLock().lock();
        try {
            if (slotsById.containsKey(id)) {
                return;
            }
            int slot = slots++;
            if (slot == ids.length) {
                ids = Arrays.copyOf(ids, slot * 2);
                lengths = Arrays.copyOf(lengths, slot * 2);
                postingsOf = Arrays.copyOf(postingsOf, slot * 2);
            }
            ids[slot] = id;
            lengths[slot] = terms.size();
            Postings[] in = new Postings[counts.size()];
            int i = 0;
            for (Map.Entry<String, Integer> count : counts.entrySet()) {
                in[i] = postings.computeIfAbsent(count.getKey(), term -> new Postings());
                in[i++].append(slot, count.getValue());
            }
            postingsOf[slot] = in;
            slotsById.put(id, slot);
            live++;
            liveLength += terms.size();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void remove(String id) {
        lock.writeLock().lock();
        try {
            Integer slot = slotsById.remove(id);
            if (slot == null) {
                return;
            }
            for (Postings list : postingsOf[slot]) {
                list.liveDocs--;
            }
            ids[slot] = null;
            postingsOf[slot] = null;
            live--;
            liveLength -= lengths[slot];
            if (slots > 1_000 && live < slots / 2) {
                compact();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The best {@code limit} documents for {@code words} (plain words; any of them may match, each
     * counts by how rare it is), highest BM25 score first.
     */
    public List<ScoredId> search(List<String> words, int limit) {
        List<String> terms = new ArrayList<>();
        words.forEach(word -> terms.addAll(analyze(word)));
        if (terms.isEmpty() || limit < 1) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            if (live == 0) {
                return List.of();
            }
            double averageLength = Math.max(1e-9, (double) liveLength / live);
            double[] scores = scratch();
            int[] touched = new int[Math.min(slots, 1024)];
            int hits = 0;
            for (String term : terms) {
                Postings list = postings.get(term);
                if (list == null || list.liveDocs == 0) {
                    continue;
                }
                double idf = Math.log(1 + (live - list.liveDocs + 0.5) / (list.liveDocs + 0.5));
                for (int i = 0; i < list.size; i++) {
                    int slot = list.slots[i];
                    if (ids[slot] == null) {
                        continue;
                    }
                    if (scores[slot] == 0) {
                        if (hits == touched.length) {
                            touched = Arrays.copyOf(touched, Math.min(slots, hits * 2));
                        }
                        touched[hits++] = slot;
                    }
                    double tf = list.counts[i];
                    scores[slot] += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[slot] / averageLength));
                }
            }
            // Score bits above, the reversed slot below: one descending sort ranks by score, ties to the older document.
            long[] ranked = new long[hits];
            for (int i = 0; i < hits; i++) {
                ranked[i] = (long) Float.floatToIntBits((float) scores[touched[i]]) << 32 | (Integer.MAX_VALUE - touched[i]);
            }
            Arrays.sort(ranked);
            List<ScoredId> best = new ArrayList<>(Math.min(limit, hits));
            for (int i = hits - 1; i >= 0 && best.size() < limit; i--) {
                int slot = Integer.MAX_VALUE - (int) ranked[i];
                best.add(new ScoredId(ids[slot], scores[slot]));
            }
            for (int i = 0; i < hits; i++) {
                scores[touched[i]] = 0;
            }
            spare.offer(scores);
            return best;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * A zeroed array of a score per slot. Searches hand theirs back cleared: at 100k documents a
     * fresh one per search would be 800 KB of garbage, past what the collector allocates cheaply.
     */
    private double[] scratch() {
        double[] scores = spare.poll();
        return scores != null && scores.length >= slots ? scores : new double[Math.max(slots, 64)];
    }

    /** Drops removed documents' slots and postings once they are the majority; slot order, hence ties, is kept. */
    private void compact() {
        int[] moved = new int[slots];
        int next = 0;
        for (int slot = 0; slot < slots; slot++) {
            moved[slot] = ids[slot] == null ? -1 : next;
            if (ids[slot] != null) {
                ids[next] = ids[slot];
                lengths[next] = lengths[slot];
                postingsOf[next] = postingsOf[slot];
                slotsById.put(ids[next], next);
                next++;
            }
        }
        Arrays.fill(ids, next, slots, null);
        Arrays.fill(postingsOf, next, slots, null);
        slots = next;
        postings.values().removeIf(list -> {
            int kept = 0;
            for (int i = 0; i < list.size; i++) {
                int slot = moved[list.slots[i]];
                if (slot >= 0) {
                    list.slots[kept] = slot;
                    list.counts[kept++] = list.counts[i];
                }
            }
            list.size = kept;
            return kept == 0;
        });
    }

    /** The index terms of a text: words split on letters and digits, lower-cased, ASCII-folded, Porter-stemmed. */
    public static List<String> analyze(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
