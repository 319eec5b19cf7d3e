package dev.spectron.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentTextsEmbedderTest {

    /** Counts calls; the vector's first component is the text's length. */
    private static final class Counting implements Embedder {
        final AtomicInteger calls = new AtomicInteger();
        final List<Integer> batchSizes = new ArrayList<>();
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile boolean fail;

        @Override
        public EmbedderId id() {
            return new EmbedderId("test/counting", 2);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            calls.incrementAndGet();
            batchSizes.add(texts.size());
            try {
                gate.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (fail) {
                throw new IllegalStateException("model down");
            }
            return texts.stream().map(t -> new float[] {t.length(), 1}).toList();
        }
    }

    @Test
    void a_text_embedded_ahead_is_not_embedded_again_and_callers_get_their_own_copy() {
        Counting inner = new Counting();
        RecentTextsEmbedder embedder = new RecentTextsEmbedder(inner);

        float[] first = embedder.embed("Where do I live?");
        first[0] = -1;
        float[] second = embedder.embed("Where do I live?");

        assertThat(inner.calls).hasValue(1);
        assertThat(second[0]).isEqualTo(16f);
    }

    @Test
    void a_request_during_the_embedding_ahead_waits_for_that_call() throws Exception {
        Counting inner = new Counting();
        inner.gate = new CountDownLatch(1);
        RecentTextsEmbedder embedder = new RecentTextsEmbedder(inner);
        CompletableFuture<float[]> ahead = embedder.embedAsync("hello");
        while (inner.calls.get() == 0) {
            Thread.sleep(1);
        }
        float[][] asked = new float[1][];
        Thread asker = Thread.ofVirtual().start(() -> asked[0] = embedder.embed("hello"));
        Thread.sleep(50);
        assertThat(ahead).isNotDone();
        assertThat(asker.isAlive()).isTrue();
        inner.gate.countDown();
        asker.join();

        assertThat(ahead.get()[0]).isEqualTo(5f);
        assertThat(asked[0][0]).isEqualTo(5f);
        assertThat(inner.calls).hasValue(1);
    }

    @Test
    void a_failure_is_not_remembered_and_batches_pass_through() {
        Counting inner = new Counting();
        RecentTextsEmbedder embedder = new RecentTextsEmbedder(inner);
        inner.fail = true;
        assertThatThrownBy(() -> embedder.embed("x")).isInstanceOf(IllegalStateException.class).hasMessage("model down");
        assertThatThrownBy(() -> embedder.embedAsync("x").join()).hasCauseInstanceOf(IllegalStateException.class);
        inner.fail = false;

        assertThat(embedder.embed("x")[0]).isEqualTo(1f);
        embedder.embedAll(List.of("a", "bb"));
        embedder.embedAll(List.of("a", "bb"));
        assertThat(inner.batchSizes).containsExactly(1, 1, 1, 2, 2);
    }
}
