package dev.spectron.core.port;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.session.Turn;
import java.util.Collection;
import java.util.List;

/** Stored turns. Callers serialise appends through a write transaction, which makes {@link #lastSeq} safe. */
public interface TurnRecords {
    /** @throws dev.spectron.core.ConflictException if the session already has a turn with this seq */
    void insert(ContextId contextId, Turn turn);

    /** The highest seq in the session, or 0 when it has no turns. */
    long lastSeq(ContextId contextId, String sessionId);

    /** Turns of one session, oldest first. */
    List<Turn> list(ContextId contextId, String sessionId, int limit, int offset);

    List<Turn> findByIds(ContextId contextId, Collection<String> ids);

    /** Erases turns from their transcripts (a purge); returns how many went. */
    int delete(ContextId contextId, Collection<String> ids);
}
