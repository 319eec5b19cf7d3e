package dev.spectron.models.embedding.onnx;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.spectron.core.embedding.Embedder;
import dev.spectron.core.embedding.EmbedderId;
import dev.spectron.core.model.ModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process ONNX embedding model, loaded once per process and shared by every context that
 * names it. Each text is one inference on a fixed pool of platform threads, one per core:
 * ONNX Runtime runs in native code, which would pin a virtual thread's carrier for the whole
 * inference, and the pool bounds CPU use however many requests embed at once. Background work
 * has one thread of its own, so it takes one core at most and never queues ahead of a request's
 * query. The caller's (virtual) thread just waits. Vectors come out unit length from the model
 * already.
 */
public final class OnnxEmbedder implements Embedder {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxEmbedder.class);
    private static final String PROVIDER = "onnx";
    private static final Map<OnnxModel, Embedder> LOADED = new ConcurrentHashMap<>();

    private final EmbedderId id;
    private final EmbeddingModel model;

    private OnnxEmbedder(OnnxModel variant, EmbeddingModel model) {
        this.id = new EmbedderId(PROVIDER + "/" + variant.id(), OnnxModel.DIMENSION);
        this.model = model;
    }

    /**
     * The process-wide embedder for {@code variant}, loading it on first use (one to a few seconds).
     *
     * @throws ModelException {@code MISCONFIGURED} when the model cannot be loaded here (its
     *     native runtime or weights are missing); the next call tries again
     */
    public static Embedder shared(OnnxModel variant) {
        return LOADED.computeIfAbsent(variant, OnnxEmbedder::load);
    }

    private static Embedder load(OnnxModel variant) {
        long start = System.nanoTime();
        try {
            Embedder embedder = Embedder.normalized(new OnnxEmbedder(variant, variant.load(Inference.THREADS)));
            LOG.info("loaded in-process embedding model {} in {} ms", embedder.id(), (System.nanoTime() - start) / 1_000_000);
            return embedder;
        } catch (RuntimeException | LinkageError e) {
            throw new ModelException(ModelException.Kind.MISCONFIGURED, PROVIDER,
                    "could not load the in-process embedding model onnx/" + variant.id() + ": " + e, e);
        }
    }

    @Override
    public EmbedderId id() {
        return id;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<Future<float[]>> pending = new ArrayList<>(texts.size());
        for (String text : texts) {
            pending.add(Inference.THREADS.submit(() -> infer(text)));
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        try {
            for (int i = 0; i < pending.size(); i++) {
                vectors.add(result(pending.get(i), "text " + i));
            }
            return vectors;
        } finally {
            pending.forEach(future -> future.cancel(false));
        }
    }

    /** Straight onto an inference thread, which completes the future itself: no thread in between to wake. */
    @Override
    public CompletableFuture<float[]> embedAsync(String text) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return infer(text);
            } catch (RuntimeException e) {
                throw failed("text 0", e);
            }
        }, Inference.THREADS);
    }

    /** One task for all the texts, on the one background thread: at most one core, and the request pool stays free. */
    @Override
    public List<float[]> embedAllInBackground(List<String> texts) {
        Future<List<float[]>> pending = Background.THREAD.submit(() -> texts.stream().map(this::infer).toList());
        try {
            return result(pending, "a background text");
        } finally {
            pending.cancel(false);
        }
    }

    private float[] infer(String text) {
        return model.embed(text).content().vector();
    }

    private <T> T result(Future<T> pending, String what) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException(ModelException.Kind.UNAVAILABLE, PROVIDER, "interrupted while embedding with " + id, e);
        } catch (ExecutionException e) {
            throw failed(what, e.getCause());
        }
    }

    /** Inference is deterministic: the same text fails the same way, so no retry. */
    private ModelException failed(String what, Throwable cause) {
        return new ModelException(ModelException.Kind.INVALID_REQUEST, PROVIDER, id.model() + " failed on " + what + ": " + cause, cause);
    }

    @Override
    public String toString() {
        return "OnnxEmbedder[" + id + "]";
    }

    /** Background work; created on first use. */
    private static final class Background {
        static final ExecutorService THREAD = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("spectron-onnx-background").daemon().factory());
    }

    /** Created on first use, so a process that never embeds in-process starts no threads. */
    private static final class Inference {
        static final ExecutorService THREADS = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                Thread.ofPlatform().name("spectron-onnx-", 0).daemon().factory());
    }
}
