package dev.spectron.core.embedding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Remembers the vectors of the last {@value #CAPACITY} single texts, so that a text embedded
 * ahead of time ({@link #embedAsync}: a chat's message while its turn is being stored) is not
 * embedded again when retrieval asks for it. A text requested while it is being embedded waits
 * for that one call.
 * Batches (a write's documents) pass straight through.
 */
public final class RecentTextsEmbedder implements Embedder {
    static final int CAPACITY = 256;

    private final Embedder inner;
    private final Map<String, CompletableFuture<float[]>> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<float[]>> eldest) {
            return size() > CAPACITY;
        }
    };

    public RecentTextsEmbedder(Embedder inner) {
        this.inner = inner;
    }

    @Override
    public EmbedderId id() {
        return inner.id();
    }

    @Override
    public float[] embed(String text) {
        try {
            return embedAsync(text).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The recent or under-way vector of {@code text}, or a new embedding that later calls share; each caller gets its own copy. */
    @Override
    public CompletableFuture<float[]> embedAsync(String text) {
        CompletableFuture<float[]> vector;
        boolean mine = false;
        synchronized (recent) {
            vector = recent.get(text);
            if (vector == null) {
                vector = new CompletableFuture<>();
                recent.put(text, vector);
                mine = true;
            }
        }
        if (mine) {
            start(text, vector);
        }
        return vector.thenApply(float[]::clone);
    }

    private void start(String text, CompletableFuture<float[]> vector) {
        try {
            inner.embedAsync(text).whenComplete((result, failure) -> {
                if (failure == null) {
                    vector.complete(result);
                } else {
                    fail(text, vector, failure instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : failure);
                }
            });
        } catch (RuntimeException e) {
            fail(text, vector, e);
        }
    }

    /** A failure is not remembered: the next call tries again. */
    private void fail(String text, CompletableFuture<float[]> vector, Throwable failure) {
        synchronized (recent) {
            recent.remove(text, vector);
        }
        vector.completeExceptionally(failure);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return texts.size() == 1 ? List.of(embed(texts.getFirst())) : inner.embedAll(texts);
    }

    /** Background work is rarely asked twice and must not wait behind a query: past the cache. */
    @Override
    public List<float[]> embedAllInBackground(List<String> texts) {
        return inner.embedAllInBackground(texts);
    }
}
