package dev.spectron.core.embedding;

import java.util.List;

/**
 * The k best (score, slot) pairs seen so far, in a min-heap of two parallel arrays: the only
 * allocation of a search besides the query copy and the result. Ties rank by id, ascending, so
 * results are deterministic.
 */
final class TopK {

    private final String[] ids;
    private final float[] scores;
    private final int[] slots;
    private int count;

    /** @param ids the index's id array, read to break ties; stable while the caller holds the read lock */
    TopK(int k, String[] ids) {
        this.ids = ids;
        this.scores = new float[k];
        this.slots = new int[k];
    }

    /** Whether {@code score} may enter; a cheap pre-check so the caller's filter runs on few rows. */
    boolean admits(float score) {
        return count < scores.length || score >= scores[0];
    }

    void offer(float score, int slot) {
        if (count < scores.length) {
            scores[count] = score;
            slots[count] = slot;
            siftUp(count++);
        } else if (worse(0, score, slot)) {
            scores[0] = score;
            slots[0] = slot;
            siftDown(0);
        }
    }

    /** Offers every entry of {@code other}, a heap over the same ids; {@code other} is left as it was. */
    void offerAll(TopK other) {
        for (int i = 0; i < other.count; i++) {
            offer(other.scores[i], other.slots[i]);
        }
    }

    /** The entries best first; empties the heap. */
    List<VectorHit> drain() {
        VectorHit[] sorted = new VectorHit[count];
        while (count > 0) {
            sorted[count - 1] = new VectorHit(ids[slots[0]], scores[0]);
            count--;
            scores[0] = scores[count];
            slots[0] = slots[count];
            siftDown(0);
        }
        return List.of(sorted);
    }

    /** Whether entry {@code i} ranks below (score, slot). */
    private boolean worse(int i, float score, int slot) {
        return scores[i] < score || scores[i] == score && ids[slots[i]].compareTo(ids[slot]) > 0;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(i, scores[parent], slots[parent])) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int worst = i;
            for (int child = 2 * i + 1; child <= 2 * i + 2 && child < count; child++) {
                if (worse(child, scores[worst], slots[worst])) {
                    worst = child;
                }
            }
            if (worst == i) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
        int slot = slots[a];
        slots[a] = slots[b];
        slots[b] = slot;
    }
}
