package dev.spectron.core;

import dev.spectron.core.context.ContextId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The newest entries by id, at most {@code capacity} of them, each readable only by the context
 * that made it. In memory: the traces behind {@code GET /traces/{id}}.
 */
public final class RecentByContext<T> {
    private record Held<T>(ContextId contextId, T value) {
    }

    private final Map<String, Held<T>> entries;

    public RecentByContext(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Held<T>> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void put(ContextId contextId, String id, T value) {
        entries.put(id, new Held<>(contextId, value));
    }

    public synchronized Optional<T> find(ContextId contextId, String id) {
        return Optional.ofNullable(entries.get(id)).filter(e -> e.contextId().equals(contextId)).map(Held::value);
    }
}
