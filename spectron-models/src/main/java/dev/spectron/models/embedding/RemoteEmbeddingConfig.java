package dev.spectron.models.embedding;

import dev.spectron.core.embedding.EmbedderId;
import dev.spectron.models.chat.ProviderConfig;
import java.util.Objects;

/**
 * Everything a provider embedder needs, resolved: where to call, and what size to expect.
 *
 * @param connection the model name, endpoint, key and options, as for a chat model
 * @param id the stored model id and the size every returned vector must have
 * @param shortenTo the size to ask the provider for (OpenAI {@code dimensions}, Gemini
 *     {@code outputDimensionality}); {@code null} to send no size and take the model's own
 */
public record RemoteEmbeddingConfig(ProviderConfig connection, EmbedderId id, Integer shortenTo) {

    public RemoteEmbeddingConfig {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(id, "id");
        if (shortenTo != null && shortenTo != id.dimension()) {
            throw new IllegalArgumentException("shortenTo " + shortenTo + " differs from the expected dimension " + id.dimension());
        }
    }
}
