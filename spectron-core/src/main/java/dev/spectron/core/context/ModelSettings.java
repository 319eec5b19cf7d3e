package dev.spectron.core.context;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code config.models}, typed (DESIGN.md §4): each stage's model when one is configured.
 * {@code synthesis} is the older name of {@code response}.
 */
public record ModelSettings(Optional<ModelChoice> extraction, Optional<ModelChoice> response, Optional<ModelChoice> synthesis,
                            Optional<ModelChoice> embedding) {
    /** An extraction call holds the turn that waits for it: kept short (issue 20). */
    public static final Duration DEFAULT_EXTRACTION_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    public static final ModelSettings NONE = new ModelSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** The language model stages, in the order their errors are reported. */
    public enum Stage {
        EXTRACTION("extraction"), RESPONSE("response"), SYNTHESIS("synthesis");

        private final String key;

        Stage(String key) {
            this.key = key;
        }

        /** The stage's key under {@code config.models}. */
        public String key() {
            return key;
        }
    }

    /**
     * Reads {@code config.models}. Anything but an object there configures no model, as before
     * typed settings: such configurations are stored, and must keep loading.
     */
    static ModelSettings read(Object models) {
        if (!(models instanceof Map<?, ?> map)) {
            return NONE;
        }
        return new ModelSettings(choice(map, "extraction"), choice(map, "response"), choice(map, "synthesis"), choice(map, "embedding"));
    }

    public Optional<ModelChoice> stage(Stage stage) {
        return switch (stage) {
            case EXTRACTION -> extraction;
            case RESPONSE -> response;
            case SYNTHESIS -> synthesis;
        };
    }

    /** The total deadline of one extraction call: {@code extraction.timeout_ms}, else 20 s. */
    public Duration extractionTimeout() {
        return extraction.flatMap(ModelChoice::timeout).orElse(DEFAULT_EXTRACTION_TIMEOUT);
    }

    /** The total deadline of one response call: {@code response.timeout_ms} (or {@code synthesis.}), else 60 s. */
    public Duration responseTimeout() {
        return answering().flatMap(ModelChoice::timeout).orElse(DEFAULT_RESPONSE_TIMEOUT);
    }

    /** The model that answers chats: {@code response}, else its alias {@code synthesis}. */
    public Optional<ModelChoice> answering() {
        return response.or(() -> synthesis);
    }

    private static Optional<ModelChoice> choice(Map<?, ?> models, String key) {
        return Optional.ofNullable(models.get(key)).map(ModelChoice::new);
    }
}
