package dev.spectron.models.embedding;

import dev.spectron.core.embedding.EmbedderId;
import dev.spectron.core.embedding.EmbeddingSpec;
import dev.spectron.core.model.ModelException;
import dev.spectron.models.chat.ProviderConfig;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The native vector sizes of a provider's well-known embedding models, and whether the provider
 * can shorten them. The size must be known before the first call, since it is stored with every
 * vector and sizes the index; an unlisted model needs {@code dimensions} in its spec.
 *
 * @param nativeSizes by model name; an Ollama tag ({@code ":latest"}, {@code ":v1.5"}) is ignored
 *     when the tagged name is not listed
 * @param canShorten whether a smaller {@code dimensions} is sent to the provider for a listed model
 */
public record ModelDimensions(Map<String, Integer> nativeSizes, boolean canShorten) {

    public ModelDimensions {
        nativeSizes = Map.copyOf(nativeSizes);
    }

    /**
     * @throws ModelException {@code MISCONFIGURED} when the size is unknown, or asks a listed model
     *     for more than it has or for a size its provider cannot produce
     */
    public RemoteEmbeddingConfig configFor(EmbeddingSpec spec, ProviderConfig connection) {
        OptionalInt nativeSize = nativeSize(spec.model());
        Integer asked = spec.dimensions();
        if (asked == null) {
            int size = nativeSize.orElseThrow(() -> misconfigured(spec, "the vector size of " + spec.id()
                    + " is not known here; set it in the spec, e.g. {\"provider\": \"" + spec.provider().id()
                    + "\", \"model\": \"" + spec.model() + "\", \"dimensions\": 768}"));
            return new RemoteEmbeddingConfig(connection, new EmbedderId(spec.id(), size), null);
        }
        if (nativeSize.isEmpty() || asked == nativeSize.getAsInt()) {
            return new RemoteEmbeddingConfig(connection, new EmbedderId(spec.id(), asked), null);
        }
        if (!canShorten || asked > nativeSize.getAsInt()) {
            throw misconfigured(spec, spec.id() + " makes vectors of " + nativeSize.getAsInt() + " dimensions"
                    + (canShorten ? " and cannot lengthen them to " : "; " + spec.provider().id() + " cannot shorten them to ")
                    + asked + "; drop \"dimensions\" from the spec or set it to " + nativeSize.getAsInt());
        }
        return new RemoteEmbeddingConfig(connection, new EmbedderId(spec.id(), asked), asked);
    }

    private OptionalInt nativeSize(String model) {
        Integer size = nativeSizes.get(model);
        int tag = model.lastIndexOf(':');
        if (size == null && tag > 0) {
            size = nativeSizes.get(model.substring(0, tag));
        }
        return size == null ? OptionalInt.empty() : OptionalInt.of(size);
    }

    private static ModelException misconfigured(EmbeddingSpec spec, String message) {
        return new ModelException(ModelException.Kind.MISCONFIGURED, spec.provider().id(), message);
    }
}
