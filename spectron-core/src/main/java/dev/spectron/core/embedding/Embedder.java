package dev.spectron.core.embedding;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Turns text into vectors for similarity search.
 *
 * <p><b>Vectors.</b> Each has exactly {@code id().dimension()} finite components and unit L2 norm,
 * so cosine similarity is the dot product. An implementation gets this by being wrapped in
 * {@link #normalized(Embedder)}, the one place that checks and scales what a model returned;
 * factories hand out wrapped embedders only. {@link #embedAll} returns one vector per text, in
 * input order, and may split the texts into batches the provider accepts. The arrays belong to
 * the caller.
 *
 * <p><b>Threads.</b> Every method blocks until all vectors are ready. Call from a virtual thread;
 * in-process models run their inference on a bounded pool of platform threads of their own, so
 * native code never pins a virtual thread's carrier. One instance is shared by all requests and is
 * thread-safe.
 *
 * <p><b>Failures.</b> Every failure is a {@code ModelException}, as for the language models:
 * rate limits, 5xx and timeouts have already been retried with backoff when they reach the
 * caller, a bad key is {@code AUTHENTICATION} at once, and a vector of the wrong size or with a
 * non-finite component is {@code MALFORMED_OUTPUT}, never a silently mixed index. A null text is
 * a caller bug: {@code NullPointerException}.
 *
 * <p><b>Traps.</b>
 * <ul>
 *   <li>Vectors of different {@link #id()}s are not comparable, even at equal dimension: store the
 *       id with every vector and re-embed when it changes.</li>
 *   <li>A blank text has no meaning to find: it is rejected as {@code INVALID_REQUEST} before any
 *       call. Skip blank texts instead.</li>
 *   <li>Texts longer than the model's window are not rejected: in-process models average the
 *       windows, providers may truncate or answer 400. Chunk long texts first.</li>
 * </ul>
 */
public interface Embedder {

    /** The model and the dimension of every vector this embedder returns. */
    EmbedderId id();

    /** One text's vector; a batch of one. */
    default float[] embed(String text) {
        return embedAll(List.of(text)).getFirst();
    }

    /**
     * Starts embedding one text and returns at once; the future fails with the
     * {@code ModelException} that {@link #embed} would throw. In-process models start the
     * inference on their own threads straight away (a chat's query, embedded while its turn is
     * stored, waits for no other thread to wake first); others call {@link #embed} on a virtual thread.
     */
    default CompletableFuture<float[]> embedAsync(String text) {
        return CompletableFuture.supplyAsync(() -> embed(text), task -> Thread.ofVirtual().name("spectron-embed").start(task));
    }

    /** One vector per text, in order; an empty list gives an empty list without any call. */
    List<float[]> embedAll(List<String> texts);

    /**
     * Like {@link #embedAll}, for work nobody waits on (vectors a write left for later, a
     * re-embedding): in-process models run it on one thread, so requests keep the other cores and
     * their own embeddings never queue behind it. Providers batch it as usual.
     */
    default List<float[]> embedAllInBackground(List<String> texts) {
        return embedAll(texts);
    }

    /**
     * Wraps {@code raw} so that its vectors honour the contract above: rejects blank texts, checks
     * count, dimension and finiteness, and scales every vector to unit length. Wrapping twice is a
     * no-op.
     */
    static Embedder normalized(Embedder raw) {
        return raw instanceof NormalizedEmbedder already ? already : new NormalizedEmbedder(raw);
    }
}
