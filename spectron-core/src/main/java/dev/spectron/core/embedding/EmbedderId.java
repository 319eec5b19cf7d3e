package dev.spectron.core.embedding;

/**
 * Which embedding space a vector lives in: the model that made it and the vector's size. Stored
 * with every vector (DESIGN.md §4); two vectors are comparable only when their ids are equal.
 *
 * @param model {@code "provider/model"} as configured, e.g. {@code "onnx/all-minilm-l6-v2"} or
 *     {@code "openai/text-embedding-3-small"}
 * @param dimension the number of components of every vector the model returns
 */
public record EmbedderId(String model, int dimension) {

    /** Far above any embedding model's size; a larger value is a unit mix-up (bytes for floats, say). */
    public static final int MAX_DIMENSION = 65_536;

    public EmbedderId {
        if (model == null || model.isBlank() || model.indexOf('/') <= 0) {
            throw new IllegalArgumentException("an embedder id needs a \"provider/model\" name; got " + model);
        }
        if (dimension < 1 || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("dimension must be 1.." + MAX_DIMENSION + "; got " + dimension);
        }
        model = model.strip();
    }

    @Override
    public String toString() {
        return model + " (" + dimension + "d)";
    }
}
