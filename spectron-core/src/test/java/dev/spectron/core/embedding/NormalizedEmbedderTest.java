package dev.spectron.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.spectron.core.model.ModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class NormalizedEmbedderTest {

    private static final EmbedderId ID = new EmbedderId("fake/three", 3);

    @Test
    void scales_every_vector_to_unit_length_in_input_order() {
        FakeEmbedder raw = new FakeEmbedder(text -> new float[] {text.length(), 0, 0});
        Embedder embedder = Embedder.normalized(raw);

        List<float[]> vectors = embedder.embedAll(List.of("ab", "abc"));

        assertThat(vectors).hasSize(2);
        assertThat(vectors.get(0)).containsExactly(1f, 0f, 0f);
        assertThat(norm(embedder.embed("hello"))).isCloseTo(1.0, within(1e-6));
        assertThat(raw.calls).containsExactly(List.of("ab", "abc"), List.of("hello"));
    }

    @Test
    void checks_and_scales_background_work_as_any_other() {
        FakeEmbedder raw = new FakeEmbedder(text -> new float[] {0, text.length(), 0});
        Embedder embedder = Embedder.normalized(raw);

        assertThat(embedder.embedAllInBackground(List.of("abcd")).getFirst()).containsExactly(0f, 1f, 0f);
        assertThatThrownBy(() -> embedder.embedAllInBackground(List.of(" "))).isInstanceOf(ModelException.class);
        assertThat(raw.calls).containsExactly(List.of("abcd"));
    }

    @Test
    void checks_and_scales_a_text_embedded_ahead_as_any_other() {
        FakeEmbedder raw = new FakeEmbedder(text -> new float[] {0, 0, text.length()});
        Embedder embedder = Embedder.normalized(raw);

        assertThat(embedder.embedAsync("abc").join()).containsExactly(0f, 0f, 1f);
        assertThatThrownBy(() -> embedder.embedAsync(" ")).isInstanceOf(ModelException.class).hasMessageContaining("text 0 is blank");
        assertThatThrownBy(() -> Embedder.normalized(new FakeEmbedder(text -> new float[] {1, 0})).embedAsync("a").join())
                .hasCauseInstanceOf(ModelException.class).hasMessageContaining("a vector of 2 components");
        assertThat(raw.calls).containsExactly(List.of("abc"));
    }

    @Test
    void makes_no_call_for_an_empty_batch() {
        FakeEmbedder raw = new FakeEmbedder(text -> new float[] {1, 0, 0});

        assertThat(Embedder.normalized(raw).embedAll(List.of())).isEmpty();
        assertThat(raw.calls).isEmpty();
    }

    @Test
    void rejects_a_blank_text_before_calling_the_model() {
        FakeEmbedder raw = new FakeEmbedder(text -> new float[] {1, 0, 0});

        assertThatThrownBy(() -> Embedder.normalized(raw).embedAll(List.of("fine", "  ")))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ModelException.Kind.INVALID_REQUEST);
                    assertThat(e.provider()).isEqualTo("fake");
                })
                .hasMessageContaining("text 1 is blank");
        assertThat(raw.calls).isEmpty();
    }

    @Test
    void fails_as_malformed_output_on_a_wrong_dimension_a_nan_or_a_missing_vector() {
        assertMalformed(new FakeEmbedder(text -> new float[] {1, 0}), "a vector of 2 components for text 0, expected 3");
        assertMalformed(new FakeEmbedder(text -> new float[] {1, Float.NaN, 0}), "component 1 is NaN");
        assertMalformed(new FakeEmbedder(text -> new float[3]), "all 3 components are zero");
        FakeEmbedder dropsOne = new FakeEmbedder(text -> new float[] {1, 0, 0}) {
            @Override
            public List<float[]> embedAll(List<String> texts) {
                return super.embedAll(texts).subList(0, texts.size() - 1);
            }
        };
        assertThatThrownBy(() -> Embedder.normalized(dropsOne).embedAll(List.of("a", "b")))
                .hasMessageContaining("returned 1 vectors for 2 texts");
    }

    @Test
    void wrapping_twice_changes_nothing() {
        Embedder once = Embedder.normalized(new FakeEmbedder(text -> new float[] {1, 0, 0}));

        assertThat(Embedder.normalized(once)).isSameAs(once);
        assertThat(once.id()).isEqualTo(ID);
    }

    private static void assertMalformed(FakeEmbedder raw, String fragment) {
        assertThatThrownBy(() -> Embedder.normalized(raw).embed("text"))
                .isInstanceOfSatisfying(ModelException.class,
                        e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.MALFORMED_OUTPUT))
                .hasMessageContaining(fragment);
    }

    private static double norm(float[] vector) {
        double sum = 0;
        for (float component : vector) {
            sum += component * component;
        }
        return Math.sqrt(sum);
    }

    /** Answers from a function of the text and records each batch it was asked for. */
    private static class FakeEmbedder implements Embedder {

        final List<List<String>> calls = new ArrayList<>();
        private final Function<String, float[]> vectors;

        FakeEmbedder(Function<String, float[]> vectors) {
            this.vectors = vectors;
        }

        @Override
        public EmbedderId id() {
            return ID;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            calls.add(texts);
            return texts.stream().map(vectors).toList();
        }
    }
}
