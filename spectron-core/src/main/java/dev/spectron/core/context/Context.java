package dev.spectron.core.context;

import java.time.Instant;
import java.util.Objects;

/** A context as stored: its id, a free-form description and its configuration. */
public record Context(ContextId id, String description, ContextConfig config, Instant createdAt) {
    public Context {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(createdAt, "createdAt");
        description = description == null ? "" : description;
    }

    public Context withConfig(ContextConfig newConfig) {
        return new Context(id, description, newConfig, createdAt);
    }
}
