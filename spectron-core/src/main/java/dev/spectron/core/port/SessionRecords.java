package dev.spectron.core.port;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.session.Session;
import java.util.List;
import java.util.Optional;

/** Stored sessions. Every method filters on the context: another context's session is never found. */
public interface SessionRecords {
    void insert(Session session);

    Optional<Session> find(ContextId contextId, String sessionId);

    /** The context's sessions, newest first. */
    List<Session> list(ContextId contextId, int limit, int offset);

    /** Deletes the session and its turns. Returns false if the context has no such session. */
    boolean delete(ContextId contextId, String sessionId);
}
