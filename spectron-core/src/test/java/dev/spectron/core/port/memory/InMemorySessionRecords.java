package dev.spectron.core.port.memory;

import dev.spectron.core.ConflictException;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.SessionRecords;
import dev.spectron.core.session.Session;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

final class InMemorySessionRecords implements SessionRecords {
    private static final Comparator<Session> NEWEST_FIRST = Comparator.comparing(Session::createdAt).thenComparing(Session::id).reversed();
    private final InMemoryTransaction tx;

    InMemorySessionRecords(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(Session session) {
        Tables t = tx.writeIn(session.contextId());
        Tables.Key key = new Tables.Key(session.contextId(), session.id());
        if (t.sessions.containsKey(key)) {
            throw new ConflictException("session '" + session.id() + "' already exists");
        }
        // A copy of the metadata, as a stored row is: a caller changing its map later changes nothing here.
        t.sessions.put(key, new Session(session.id(), session.contextId(), session.scopes(),
                Collections.unmodifiableMap(new LinkedHashMap<>(session.metadata())), session.createdAt()));
    }

    @Override
    public Optional<Session> find(ContextId contextId, String sessionId) {
        return Optional.ofNullable(tx.read().sessions.get(new Tables.Key(contextId, sessionId)));
    }

    @Override
    public List<Session> list(ContextId contextId, int limit, int offset) {
        return tx.read().sessions.values().stream().filter(s -> s.contextId().equals(contextId))
                .sorted(NEWEST_FIRST).skip(offset).limit(limit).toList();
    }

    @Override
    public boolean delete(ContextId contextId, String sessionId) {
        Tables t = tx.write();
        if (t.sessions.remove(new Tables.Key(contextId, sessionId)) == null) {
            return false;
        }
        t.turns.entrySet().removeIf(e -> e.getKey().contextId().equals(contextId) && e.getValue().sessionId().equals(sessionId));
        t.jobs.entrySet().removeIf(e -> e.getKey().contextId().equals(contextId) && e.getValue().job().sessionId().equals(sessionId));
        return true;
    }
}
