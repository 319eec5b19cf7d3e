package dev.spectron.core.port;

import dev.spectron.core.context.ContextId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A trace as stored: the rendered document that {@code GET /traces/{id}} answers, byte for byte,
 * with the keys it is found and expired by.
 *
 * @param json the trace document as the server renders it (see the renderers given to {@code TraceLog} and {@code ResponseTraces})
 */
public record StoredTrace(ContextId contextId, String id, Kind kind, Instant createdAt, String json) {
    public enum Kind {
        RETRIEVAL, RESPONSE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public StoredTrace {
        Objects.requireNonNull(contextId, "contextId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(json, "json");
    }
}
