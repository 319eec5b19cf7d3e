package dev.spectron.core.context;

import dev.spectron.core.InvalidInputException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When a turn's extraction runs (issue 20): {@code sync} before the turn is acknowledged, its
 * diff in the response (the default); {@code async} after, in a durable queue that extracts each
 * session's turns in order, the diff read later. Set per context as {@code config.extraction.mode},
 * per request as {@code ?extraction=}.
 */
public enum ExtractionMode {
    SYNC, ASYNC;

    static final String FIELD = "config.extraction.mode";

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param field the field or parameter named in the refusal
     * @throws InvalidInputException when {@code value} is neither {@code "sync"} nor {@code "async"}
     */
    public static ExtractionMode parse(String field, Object value) {
        return find(value).orElseThrow(() -> new InvalidInputException(field, field + " must be \"sync\" or \"async\"; got "
                + (value instanceof String text ? "\"" + text + "\"" : value)));
    }

    /** {@code config.extraction.mode} as stored; {@code sync} when unset or not one of the two. */
    static ExtractionMode read(Object extraction) {
        return extraction instanceof Map<?, ?> map ? find(map.get("mode")).orElse(SYNC) : SYNC;
    }

    /** Refuses a stored {@code config.extraction.mode} that is neither mode. */
    static void check(Object extraction) {
        if (extraction instanceof Map<?, ?> map && map.containsKey("mode")) {
            parse(FIELD, map.get("mode"));
        }
    }

    private static Optional<ExtractionMode> find(Object value) {
        if (value instanceof String text) {
            for (ExtractionMode mode : values()) {
                if (mode.wireName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(mode);
                }
            }
        }
        return Optional.empty();
    }
}
