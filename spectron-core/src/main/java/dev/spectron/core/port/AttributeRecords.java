package dev.spectron.core.port;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Attribute;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored attribute versions. Closing sets the temporal fields; only a purge deletes rows. */
public interface AttributeRecords {
    List<Attribute> findByIds(ContextId contextId, java.util.Collection<String> ids);

    void insert(ContextId contextId, Attribute attribute);

    /** Closes a live row: {@code validUntil} (world time), {@code supersededBy} (may be null) and {@code closedAt} (known time). */
    void close(ContextId contextId, String id, Instant validUntil, String supersededBy, Instant closedAt);

    /** Corroboration: the same value said again raises weight and certainty instead of adding a row. */
    void reinforce(ContextId contextId, String id, double importance, double confidence);

    /** Live rows of one entity and key, in every scope, oldest first. */
    List<Attribute> live(ContextId contextId, String entityId, String key);

    /** Live rows of one entity, ordered by key then creation. */
    List<Attribute> liveOf(ContextId contextId, String entityId);

    /** Rows of one entity that memory believed at known time {@code at}. */
    List<Attribute> believedAt(ContextId contextId, String entityId, Instant at);

    /** Every version of one key, oldest first: the supersession chain. */
    List<Attribute> history(ContextId contextId, String entityId, String key);

    /** Every version of every key of one entity, live or closed, ordered by key then creation. */
    List<Attribute> allOf(ContextId contextId, String entityId);

    /**
     * Erases rows (a purge). Survivors that named one of them in {@code supersedes} or
     * {@code supersededBy} lose that link, so no row points at a row that is gone.
     */
    void delete(ContextId contextId, java.util.Collection<String> ids);

    /** Every live row of the context, ordered by entity, key, creation. */
    List<Attribute> allLive(ContextId contextId);

    /** The most used keys among live rows, most used first (the extraction vocabulary). */
    List<String> topKeys(ContextId contextId, int limit);

    /** The newest value of {@code key} learned in a session (e.g. the name its speaker gave). */
    Optional<Attribute> latestInSession(ContextId contextId, String sessionId, String key);
}
