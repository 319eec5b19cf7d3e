package dev.spectron.core.port.memory;

import dev.spectron.core.ConflictException;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.TurnRecords;
import dev.spectron.core.session.Turn;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

final class InMemoryTurnRecords implements TurnRecords {
    private final InMemoryTransaction tx;

    InMemoryTurnRecords(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(ContextId contextId, Turn turn) {
        Tables t = tx.write();
        if (!t.sessions.containsKey(new Tables.Key(contextId, turn.sessionId()))) {
            throw new IllegalStateException("foreign key: no session '" + turn.sessionId() + "' in context '" + contextId.value() + "'");
        }
        Tables.Key key = new Tables.Key(contextId, turn.id());
        if (t.turns.containsKey(key) || of(t, contextId, turn.sessionId()).anyMatch(other -> other.seq() == turn.seq())) {
            throw new ConflictException("session '" + turn.sessionId() + "' already has a turn with seq " + turn.seq());
        }
        t.turns.put(key, turn);
    }

    @Override
    public long lastSeq(ContextId contextId, String sessionId) {
        return of(tx.read(), contextId, sessionId).mapToLong(Turn::seq).max().orElse(0);
    }

    @Override
    public List<Turn> list(ContextId contextId, String sessionId, int limit, int offset) {
        return of(tx.read(), contextId, sessionId).sorted(Comparator.comparingLong(Turn::seq)).skip(offset).limit(limit).toList();
    }

    @Override
    public List<Turn> findByIds(ContextId contextId, Collection<String> ids) {
        Tables t = tx.read();
        return new LinkedHashSet<>(ids).stream().map(id -> t.turns.get(new Tables.Key(contextId, id))).filter(Objects::nonNull)
                .sorted(Comparator.comparing(Turn::sessionId).thenComparingLong(Turn::seq)).toList();
    }

    @Override
    public int delete(ContextId contextId, Collection<String> ids) {
        Tables t = tx.write();
        ids.forEach(id -> t.jobs.remove(new Tables.Key(contextId, id)));
        return (int) new LinkedHashSet<>(ids).stream().filter(id -> t.turns.remove(new Tables.Key(contextId, id)) != null).count();
    }

    private static Stream<Turn> of(Tables t, ContextId contextId, String sessionId) {
        return t.turns.entrySet().stream()
                .filter(e -> e.getKey().contextId().equals(contextId) && e.getValue().sessionId().equals(sessionId))
                .map(Map.Entry::getValue);
    }
}
