package dev.spectron.core.session;

import dev.spectron.core.Ids;
import dev.spectron.core.InvalidInputException;
import dev.spectron.core.NotFoundException;
import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.port.StoreTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sessions and their transcripts. Write methods take the caller's transaction so that a write and
 * its idempotency record commit together.
 */
public final class SessionService {
    public static final int DEFAULT_PAGE = 100;
    public static final int MAX_PAGE = 500;

    private final MemoryStore store;
    private final Clock clock;

    public SessionService(MemoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Session create(StoreTransaction tx, ContextId contextId, ScopeSet scopes, Map<String, Object> metadata) {
        Session session = newSession(contextId, scopes, metadata);
        insert(tx, session);
        return session;
    }

    /** A session not stored yet, for writes that create it in the same transaction as their turns. */
    public Session newSession(ContextId contextId, ScopeSet scopes, Map<String, Object> metadata) {
        Instant now = clock.instant();
        return new Session(Ids.newId("sess_", now), contextId, scopes, metadata, now);
    }

    public void insert(StoreTransaction tx, Session session) {
        tx.sessions().insert(session);
        tx.changes().append(session.contextId(), ChangeKind.SESSION_CREATED, session.id(), session.createdAt());
    }

    public Session get(ContextId contextId, String sessionId) {
        return store.read(tx -> require(tx, contextId, sessionId));
    }

    /** One page of the context's sessions, newest first. */
    public List<Session> list(ContextId contextId, int limit, int offset) {
        checkPage(limit, offset);
        return store.read(tx -> tx.sessions().list(contextId, limit, offset));
    }

    /** Deletes the session and its transcript. Facts extracted from it stay (spectron-api.md §1.3). */
    public void delete(ContextId contextId, String sessionId) {
        store.write(tx -> {
            if (!tx.sessions().delete(contextId, sessionId)) {
                throw notFound(sessionId);
            }
            for (String docId : tx.search().deleteTurnDocs(contextId, sessionId)) {
                tx.changes().append(contextId, ChangeKind.DOCS_DELETED, docId, clock.instant());
            }
            return tx.changes().append(contextId, ChangeKind.SESSION_DELETED, sessionId, clock.instant());
        });
    }

    /** One page of the transcript, oldest first. */
    public List<Turn> turns(ContextId contextId, String sessionId, int limit, int offset) {
        checkPage(limit, offset);
        return store.read(tx -> {
            require(tx, contextId, sessionId);
            return tx.turns().list(contextId, sessionId, limit, offset);
        });
    }

    /** Stores the turn with the session's next sequence number. */
    public Turn appendTurn(StoreTransaction tx, ContextId contextId, String sessionId, NewTurn turn) {
        require(tx, contextId, sessionId);
        Instant now = clock.instant();
        long seq = tx.turns().lastSeq(contextId, sessionId) + 1;
        Instant occurredAt = turn.ts() == null ? now : turn.ts();
        Turn stored = new Turn(Ids.newId("turn_", now), sessionId, seq, turn.role(), turn.content(), occurredAt, now);
        tx.turns().insert(contextId, stored);
        tx.changes().append(contextId, ChangeKind.TURN_APPENDED, stored.id(), now);
        return stored;
    }

    private static void checkPage(int limit, int offset) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_PAGE + "; got " + limit);
        }
        if (offset < 0) {
            throw new InvalidInputException("offset", "offset must not be negative; got " + offset);
        }
    }

    /** The session, or a 404 when the context has no such session. */
    public Session require(StoreTransaction tx, ContextId contextId, String sessionId) {
        return tx.sessions().find(contextId, sessionId).orElseThrow(() -> notFound(sessionId));
    }

    private static NotFoundException notFound(String sessionId) {
        return new NotFoundException("session '" + sessionId + "' does not exist in this context");
    }
}
