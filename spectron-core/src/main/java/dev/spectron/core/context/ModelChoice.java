package dev.spectron.core.context;

import dev.spectron.core.embedding.EmbeddingSpec;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelSpec;

/**
 * One entry of {@code config.models}: a {@code "provider/model"} string or a
 * {@code {provider, model, base_url?, api_key?}} object, as stored. It is read as a spec only
 * where its kind is known (a language model or an embedding model), so the provider's exact
 * complaint is what a refused configuration reports.
 *
 * @param raw the stored value: a {@code String} or a {@code Map}; never null
 */
public record ModelChoice(Object raw) {
    public ModelChoice {
        if (raw == null) {
            throw new IllegalArgumentException("a model choice needs a value");
        }
    }

    /** @throws ModelException {@code MISCONFIGURED} when the value is not a valid language model spec */
    public ModelSpec languageModel() {
        return ModelSpec.parse(raw);
    }

    /** @throws ModelException {@code MISCONFIGURED} when the value is not a valid embedding model spec */
    public EmbeddingSpec embeddingModel() {
        return EmbeddingSpec.parse(raw);
    }
}
