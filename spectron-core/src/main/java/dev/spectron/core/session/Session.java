package dev.spectron.core.session;

import dev.spectron.core.context.ContextId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A conversation container; its turns are ordered by {@link Turn#seq()}. */
public record Session(String id, ContextId contextId, ScopeSet scopes, Map<String, Object> metadata, Instant createdAt) {
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contextId, "contextId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(createdAt, "createdAt");
        metadata = metadata == null ? Map.of() : metadata;
    }
}
