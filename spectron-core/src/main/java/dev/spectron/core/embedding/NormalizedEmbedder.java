package dev.spectron.core.embedding;

import dev.spectron.core.model.ModelException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The shared half of every {@link Embedder}, written once (as LangChain4j's {@code embed} wraps
 * {@code doEmbed}): input checks before the call, output checks and unit scaling after it.
 */
final class NormalizedEmbedder implements Embedder {

    private final Embedder raw;
    private final EmbedderId id;
    private final String provider;

    NormalizedEmbedder(Embedder raw) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.id = Objects.requireNonNull(raw.id(), "raw.id()");
        this.provider = id.model().substring(0, id.model().indexOf('/'));
    }

    @Override
    public EmbedderId id() {
        return id;
    }

    @Override
    public float[] embed(String text) {
        requireText(text, 0);
        return checked(raw.embed(text), 0);
    }

    @Override
    public CompletableFuture<float[]> embedAsync(String text) {
        requireText(text, 0);
        return raw.embedAsync(text).thenApply(vector -> checked(vector, 0));
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return checkedAll(texts, raw::embedAll);
    }

    @Override
    public List<float[]> embedAllInBackground(List<String> texts) {
        return checkedAll(texts, raw::embedAllInBackground);
    }

    private List<float[]> checkedAll(List<String> texts, Function<List<String>, List<float[]>> embed) {
        for (int i = 0; i < texts.size(); i++) {
            requireText(texts.get(i), i);
        }
        if (texts.isEmpty()) {
            return List.of();
        }
        List<float[]> vectors = embed.apply(List.copyOf(texts));
        if (vectors == null || vectors.size() != texts.size()) {
            throw malformed(id + " returned " + (vectors == null ? "nothing" : vectors.size() + " vectors")
                    + " for " + texts.size() + " texts");
        }
        List<float[]> unit = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            unit.add(checked(vectors.get(i), i));
        }
        return Collections.unmodifiableList(unit);
    }

    private void requireText(String text, int index) {
        Objects.requireNonNull(text, () -> "text " + index + " is null");
        if (text.isBlank()) {
            throw new ModelException(ModelException.Kind.INVALID_REQUEST, provider,
                    "text " + index + " is blank; there is nothing to embed (skip blank texts)");
        }
    }

    private float[] checked(float[] vector, int index) {
        if (vector == null || vector.length != id.dimension()) {
            throw malformed(id + " returned " + (vector == null ? "no vector" : "a vector of " + vector.length
                    + " components") + " for text " + index + ", expected " + id.dimension()
                    + " (is \"dimensions\" in the embedding spec right for this model?)");
        }
        try {
            return UnitVectors.normalized(vector);
        } catch (IllegalArgumentException e) {
            throw malformed(id + " returned an unusable vector for text " + index + ": " + e.getMessage());
        }
    }

    private ModelException malformed(String message) {
        return new ModelException(ModelException.Kind.MALFORMED_OUTPUT, provider, message);
    }

    @Override
    public String toString() {
        return raw.toString();
    }
}
