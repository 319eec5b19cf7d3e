package dev.spectron.models.embedding.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.spectron.core.embedding.Embedder;
import dev.spectron.core.embedding.EmbeddingSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs the real models, each loaded once for the whole JVM by {@link OnnxEmbedder#shared}
 * (a few seconds per variant, the bulk of this class's time).
 */
class OnnxEmbedderTest {

    private static final List<String> TEXTS = List.of("I adopted a puppy", "I got a new dog", "The stock market fell",
            "My sister lives in Lisbon and works as a nurse.");
    private static final int THREADS = 8;

    @Test
    void knows_every_in_process_model_a_spec_may_name() {
        assertThat(Arrays.stream(OnnxModel.values()).map(OnnxModel::id)).containsExactlyElementsOf(EmbeddingSpec.ONNX_MODELS);
    }

    @ParameterizedTest
    @EnumSource(OnnxModel.class)
    void loads_once_and_returns_unit_vectors_of_384_dimensions(OnnxModel variant) {
        Embedder embedder = OnnxEmbedder.shared(variant);

        float[] vector = embedder.embed("Where does my sister live?");

        assertThat(OnnxEmbedder.shared(variant)).isSameAs(embedder);
        assertThat(embedder.id().model()).isEqualTo("onnx/" + variant.id());
        assertThat(embedder.id().dimension()).isEqualTo(384);
        assertThat(vector).hasSize(384);
        assertThat(dot(vector, vector)).isCloseTo(1.0, within(1e-5));
    }

    @ParameterizedTest
    @EnumSource(OnnxModel.class)
    void places_a_puppy_closer_to_a_new_dog_than_to_a_falling_market(OnnxModel variant) {
        List<float[]> vectors = OnnxEmbedder.shared(variant).embedAll(TEXTS.subList(0, 3));

        double dog = dot(vectors.get(0), vectors.get(1));
        double market = dot(vectors.get(0), vectors.get(2));

        assertThat(dog).as("puppy·dog %.3f vs puppy·market %.3f", dog, market).isGreaterThan(market);
    }

    @ParameterizedTest
    @EnumSource(OnnxModel.class)
    void embeds_a_batch_in_the_foreground_or_background_or_ahead_as_it_embeds_each_text_alone(OnnxModel variant) {
        Embedder embedder = OnnxEmbedder.shared(variant);

        List<float[]> batch = embedder.embedAll(TEXTS);
        List<float[]> background = embedder.embedAllInBackground(TEXTS);
        List<CompletableFuture<float[]>> started = TEXTS.stream().map(embedder::embedAsync).toList(); // all under way at once
        List<float[]> ahead = started.stream().map(CompletableFuture::join).toList();

        for (int i = 0; i < TEXTS.size(); i++) {
            float[] alone = embedder.embed(TEXTS.get(i));
            for (int d = 0; d < alone.length; d++) {
                assertThat(batch.get(i)[d]).as("text %d, component %d", i, d).isCloseTo(alone[d], within(1e-5f));
                assertThat(background.get(i)[d]).as("background text %d, component %d", i, d).isCloseTo(alone[d], within(1e-5f));
                assertThat(ahead.get(i)[d]).as("text %d embedded ahead, component %d", i, d).isCloseTo(alone[d], within(1e-5f));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(OnnxModel.class)
    void gives_identical_vectors_to_eight_virtual_threads_at_once(OnnxModel variant) throws Exception {
        // given
        Embedder embedder = OnnxEmbedder.shared(variant);
        List<float[]> expected = embedder.embedAll(TEXTS);

        // when
        List<Future<List<float[]>>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < THREADS; t++) {
                int shift = t;
                results.add(threads.submit(() -> {
                    // each thread asks in its own order, one text at a time, so requests interleave
                    float[][] mine = new float[TEXTS.size()][];
                    for (int i = 0; i < TEXTS.size(); i++) {
                        int text = (i + shift) % TEXTS.size();
                        mine[text] = embedder.embed(TEXTS.get(text));
                    }
                    return List.of(mine);
                }));
            }
        }

        // then
        for (Future<List<float[]>> result : results) {
            List<float[]> vectors = result.get();
            for (int i = 0; i < TEXTS.size(); i++) {
                assertThat(vectors.get(i)).isEqualTo(expected.get(i));
            }
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
