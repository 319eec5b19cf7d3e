package dev.spectron.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VectorIndexTest {

    private static final int DIMENSION = 384;
    private static final long SEED = 20_240_607L;

    /** One size scanned on one thread, one past {@link VectorIndex#PARALLEL_ROWS}, scanned in two halves. */
    @ParameterizedTest
    @ValueSource(ints = {3_000, VectorIndex.PARALLEL_ROWS * 2 + 7})
    void finds_the_same_top_k_as_a_naive_sort_of_all_scores(int rows) {
        // given
        Random random = new Random(SEED);
        VectorIndex index = new VectorIndex(DIMENSION);
        List<float[]> stored = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            float[] vector = gaussian(random);
            stored.add(vector);
            index.upsert("v" + i, vector);
        }

        for (int q = 0; q < 20; q++) {
            float[] query = gaussian(random);

            // when
            List<VectorHit> hits = index.search(query, 25);

            // then
            List<VectorHit> expected = naiveTopK(stored, query, 25, id -> true);
            assertSameRanking(hits, expected);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {500, VectorIndex.PARALLEL_ROWS + 1})
    void respects_the_filter_and_returns_fewer_hits_when_fewer_are_accepted(int rows) {
        Random random = new Random(SEED + 1);
        VectorIndex index = new VectorIndex(DIMENSION);
        List<float[]> stored = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            stored.add(gaussian(random));
            index.upsert("v" + i, stored.get(i));
        }
        Predicate<String> evenOnly = id -> Integer.parseInt(id.substring(1)) % 2 == 0;
        float[] query = gaussian(random);

        List<VectorHit> hits = index.search(query, 10, evenOnly);

        assertSameRanking(hits, naiveTopK(stored, query, 10, evenOnly));
        assertThat(hits).allMatch(hit -> evenOnly.test(hit.id()));
        assertThat(index.search(query, 10, id -> id.equals("v7") || id.equals("v8"))).extracting(VectorHit::id)
                .containsExactlyInAnyOrder("v7", "v8");
        assertThat(index.search(query, 10, id -> false)).isEmpty();
    }

    @Test
    void scores_are_cosines_whatever_the_scale_of_the_vectors() {
        VectorIndex index = new VectorIndex(2);
        index.upsert("east", new float[] {5, 0});
        index.upsert("north-east", new float[] {0.1f, 0.1f});
        index.upsert("west", new float[] {-3, 0});

        List<VectorHit> hits = index.search(new float[] {42, 0}, 3);

        assertThat(hits).extracting(VectorHit::id).containsExactly("east", "north-east", "west");
        assertThat(hits.get(0).score()).isCloseTo(1f, within(1e-6f));
        assertThat(hits.get(1).score()).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(hits.get(2).score()).isCloseTo(-1f, within(1e-6f));
    }

    @Test
    void upsert_replaces_the_vector_of_an_existing_id() {
        VectorIndex index = new VectorIndex(2);
        index.upsert("a", new float[] {1, 0});
        index.upsert("b", new float[] {0, 1});

        index.upsert("a", new float[] {0, -1});

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.search(new float[] {1, 0}, 2)).extracting(VectorHit::score)
                .allSatisfy(score -> assertThat(score).isCloseTo(0f, within(1e-6f)));
        assertThat(index.search(new float[] {0, -1}, 1)).containsExactly(new VectorHit("a", 1f));
    }

    @Test
    void remove_takes_the_id_out_and_keeps_the_others_findable() {
        VectorIndex index = new VectorIndex(2);
        index.upsert("a", new float[] {1, 0});
        index.upsert("b", new float[] {0, 1});
        index.upsert("c", new float[] {-1, 0});

        assertThat(index.remove("a")).isTrue();
        assertThat(index.remove("a")).isFalse();

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.contains("a")).isFalse();
        assertThat(index.search(new float[] {1, 0}, 5)).extracting(VectorHit::id).containsExactly("b", "c");
        assertThat(index.search(new float[] {-1, 0}, 1)).containsExactly(new VectorHit("c", 1f));
        index.upsert("c", new float[] {0, 1});
        assertThat(index.search(new float[] {0, 1}, 5)).extracting(VectorHit::id).containsExactly("b", "c");
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000, VectorIndex.PARALLEL_ROWS * 3})
    void grows_past_its_initial_capacity_and_breaks_ties_by_id(int rows) {
        VectorIndex index = new VectorIndex(3);
        for (int i = rows - 1; i >= 0; i--) {
            index.upsert(String.format("id-%04d", i), new float[] {1, 1, 1});
        }

        List<VectorHit> hits = index.search(new float[] {1, 1, 1}, 3);

        assertThat(index.size()).isEqualTo(rows);
        assertThat(hits).extracting(VectorHit::id).containsExactly("id-0000", "id-0001", "id-0002");
    }

    @Test
    void rejects_vectors_of_the_wrong_size_or_without_direction_and_a_k_below_one() {
        VectorIndex index = new VectorIndex(3);

        assertThatThrownBy(() -> index.upsert("a", new float[2])).hasMessageContaining("has 2 components; this index holds 3");
        assertThatThrownBy(() -> index.upsert("a", new float[3])).hasMessageContaining("all 3 components are zero");
        assertThatThrownBy(() -> index.upsert("a", new float[] {1, Float.NaN, 0})).hasMessageContaining("component 1 is NaN");
        assertThatThrownBy(() -> index.search(new float[] {1, 0, 0}, 0)).hasMessageContaining("k must be at least 1");
        assertThat(index.search(new float[] {1, 0, 0}, 3)).isEmpty();
    }

    @Test
    void concurrent_readers_never_see_a_half_written_vector_or_a_torn_id_set() throws Exception {
        // given: "flip" alternates between +u and -u; a torn write would score strictly between -1 and 1
        int dimension = 384;
        float[] up = new float[dimension];
        Arrays.fill(up, 1f);
        float[] down = new float[dimension];
        Arrays.fill(down, -1f);
        VectorIndex index = new VectorIndex(dimension);
        index.upsert("flip", up);
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        CountDownLatch readersStarted = new CountDownLatch(4);

        // platform threads: spinning readers would never yield a virtual thread's carrier to the writer
        try (ExecutorService threads = Executors.newFixedThreadPool(5)) {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                readers.add(threads.submit(() -> {
                    readersStarted.countDown();
                    while (writing.get()) {
                        checkConsistent(index.search(up, 1_000), problems);
                    }
                }));
            }
            readersStarted.await();

            // when: a writer flips the vector and churns other ids, growing and shrinking the index
            Future<?> writer = threads.submit(() -> {
                for (int i = 0; i < 5_000; i++) {
                    index.upsert("flip", i % 2 == 0 ? down : up);
                    index.upsert("churn-" + i, i % 2 == 0 ? up : down);
                    if (i >= 50) {
                        index.remove("churn-" + (i - 50));
                    }
                }
                writing.set(false);
            });
            writer.get();
            for (Future<?> reader : readers) {
                reader.get();
            }
        }

        // then
        assertThat(problems).isEmpty();
        assertThat(index.size()).isEqualTo(51);
    }

    private static void checkConsistent(List<VectorHit> hits, ConcurrentLinkedQueue<String> problems) {
        Set<String> seen = new HashSet<>();
        for (VectorHit hit : hits) {
            if (Math.abs(Math.abs(hit.score()) - 1f) > 1e-5f) {
                problems.add(hit.id() + " scored " + hit.score());
            }
            if (!seen.add(hit.id())) {
                problems.add(hit.id() + " returned twice");
            }
        }
        if (!seen.contains("flip")) {
            problems.add("flip missing");
        }
    }

    private static void assertSameRanking(List<VectorHit> actual, List<VectorHit> expected) {
        assertThat(actual).extracting(VectorHit::id).containsExactlyElementsOf(expected.stream().map(VectorHit::id).toList());
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).score()).isCloseTo(expected.get(i).score(), within(1e-5f));
        }
    }

    /** Scores in double on normalised copies, sorted by score descending then id. */
    private static List<VectorHit> naiveTopK(List<float[]> stored, float[] query, int k, Predicate<String> filter) {
        List<VectorHit> all = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            String id = "v" + i;
            if (filter.test(id)) {
                all.add(new VectorHit(id, (float) cosine(stored.get(i), query)));
            }
        }
        all.sort(Comparator.comparing(VectorHit::score).reversed().thenComparing(VectorHit::id));
        return all.subList(0, Math.min(k, all.size()));
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }

    private static float[] gaussian(Random random) {
        float[] vector = new float[DIMENSION];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return vector;
    }
}
