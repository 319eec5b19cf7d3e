package dev.spectron.core.port.memory;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Uncertainty;
import dev.spectron.core.port.UncertaintyRecords;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

final class InMemoryUncertaintyRecords implements UncertaintyRecords {
    private final InMemoryTransaction tx;

    InMemoryUncertaintyRecords(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(ContextId contextId, Uncertainty uncertainty) {
        Tables t = tx.writeIn(contextId);
        if (t.uncertainties.putIfAbsent(new Tables.Key(contextId, uncertainty.id()), uncertainty) != null) {
            throw new IllegalStateException("duplicate key: " + uncertainty.id() + " in context '" + contextId.value() + "'");
        }
    }

    @Override
    public List<Uncertainty> open(ContextId contextId) {
        return tx.read().uncertainties.entrySet().stream().filter(e -> e.getKey().contextId().equals(contextId)).map(Map.Entry::getValue)
                .filter(u -> !u.resolved()).sorted(Comparator.comparing(Uncertainty::createdAt).thenComparing(Uncertainty::id)).toList();
    }
}
