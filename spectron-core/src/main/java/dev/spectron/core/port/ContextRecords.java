package dev.spectron.core.port;

import dev.spectron.core.context.Context;
import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ContextId;
import java.util.List;
import java.util.Optional;

/** Stored contexts. */
public interface ContextRecords {
    /** @throws dev.spectron.core.ConflictException if a context with this id exists */
    void insert(Context context);

    Optional<Context> find(ContextId id);

    /** All contexts, ordered by id. */
    List<Context> list();

    void updateConfig(ContextId id, ContextConfig config);

    /** Deletes the context and every row that belongs to it. Returns false if it did not exist. */
    boolean delete(ContextId id);
}
