package dev.spectron.core.embedding;

import java.util.Objects;

/**
 * One search result.
 *
 * @param score the cosine similarity to the query, in [-1, 1]
 */
public record VectorHit(String id, float score) {

    public VectorHit {
        Objects.requireNonNull(id, "id");
    }
}
