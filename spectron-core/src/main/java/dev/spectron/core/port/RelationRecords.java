package dev.spectron.core.port;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Relation;
import java.time.Instant;
import java.util.List;

/** Stored relation versions; closed like attributes, deleted only by a purge. */
public interface RelationRecords {
    List<Relation> findByIds(ContextId contextId, java.util.Collection<String> ids);

    void insert(ContextId contextId, Relation relation);

    void close(ContextId contextId, String id, Instant validUntil, String supersededBy, Instant closedAt);

    void reinforce(ContextId contextId, String id, double importance, double confidence);

    /** Live edges from {@code subjectId} with {@code label}, oldest first. */
    List<Relation> live(ContextId contextId, String subjectId, String label);

    /** Live edges where the entity is subject or object. */
    List<Relation> liveTouching(ContextId contextId, String entityId);

    /** Edges touching the entity that memory believed at known time {@code at}. */
    List<Relation> believedAt(ContextId contextId, String entityId, Instant at);

    /** Every version of every edge where the entity is subject or object, live or closed. */
    List<Relation> allTouching(ContextId contextId, String entityId);

    /** Erases rows (a purge); survivors' supersession links to them are cleared, as for attributes. */
    void delete(ContextId contextId, java.util.Collection<String> ids);

    List<Relation> allLive(ContextId contextId);

    /** The most used labels among live edges, most used first. */
    List<String> topLabels(ContextId contextId, int limit);
}
