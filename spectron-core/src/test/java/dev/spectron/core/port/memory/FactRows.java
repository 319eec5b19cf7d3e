package dev.spectron.core.port.memory;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Fact;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What attributes and relations share, as the JDBC {@code FactTable}: rows are closed, reinforced,
 * looked up and purged the same way; only their own three fields differ.
 */
final class FactRows<T extends Fact> {
    /** Oldest first, ties by id: the {@code ORDER BY created_at, id} of most fact queries. */
    static final Comparator<Fact> OLDEST_FIRST = Comparator.comparing(Fact::createdAt).thenComparing(Fact::id);

    /** Rebuilds a fact with new values of the fields that change after insert. */
    @FunctionalInterface
    interface Rebuild<T> {
        T with(T fact, double importance, double confidence, Instant validUntil, String supersedes, String supersededBy, Instant closedAt);
    }

    private final InMemoryTransaction tx;
    private final Function<Tables, Map<Tables.Key, T>> table;
    private final Rebuild<T> rebuild;

    FactRows(InMemoryTransaction tx, Function<Tables, Map<Tables.Key, T>> table, Rebuild<T> rebuild) {
        this.tx = tx;
        this.table = table;
        this.rebuild = rebuild;
    }

    /** Inserts a row whose entity columns must name entities of the context (the schema's foreign keys). */
    void insert(ContextId contextId, T fact, String... entityIds) {
        Tables t = tx.writeIn(contextId);
        for (String entityId : entityIds) {
            if (!t.entities.containsKey(new Tables.Key(contextId, entityId))) {
                throw new IllegalStateException("foreign key: no entity '" + entityId + "' in context '" + contextId.value() + "'");
            }
        }
        if (table.apply(t).putIfAbsent(new Tables.Key(contextId, fact.id()), fact) != null) {
            throw new IllegalStateException("duplicate key: " + fact.id() + " in context '" + contextId.value() + "'");
        }
    }

    /** Closes a live row; a closed one stays as it was. */
    void close(ContextId contextId, String id, Instant validUntil, String supersededBy, Instant closedAt) {
        table.apply(tx.write()).computeIfPresent(new Tables.Key(contextId, id), (key, f) -> f.closedAt() != null ? f
                : rebuild.with(f, f.importance(), f.confidence(), validUntil, f.supersedes(), supersededBy, closedAt));
    }

    void reinforce(ContextId contextId, String id, double importance, double confidence) {
        table.apply(tx.write()).computeIfPresent(new Tables.Key(contextId, id), (key, f) ->
                rebuild.with(f, importance, confidence, f.validUntil(), f.supersedes(), f.supersededBy(), f.closedAt()));
    }

    List<T> findByIds(ContextId contextId, Collection<String> ids) {
        Map<Tables.Key, T> rows = table.apply(tx.read());
        return new LinkedHashSet<>(ids).stream().map(id -> rows.get(new Tables.Key(contextId, id))).filter(Objects::nonNull).toList();
    }

    /** Every row of the context, in no particular order. */
    Stream<T> of(ContextId contextId) {
        return table.apply(tx.read()).entrySet().stream().filter(e -> e.getKey().contextId().equals(contextId)).map(Map.Entry::getValue);
    }

    /** Deletes rows and clears the supersession links survivors had to them. */
    void delete(ContextId contextId, Collection<String> ids) {
        Map<Tables.Key, T> rows = table.apply(tx.write());
        Set<String> gone = new LinkedHashSet<>(ids);
        gone.forEach(id -> rows.remove(new Tables.Key(contextId, id)));
        rows.replaceAll((key, f) -> key.contextId().equals(contextId) ? unlinked(f, gone) : f);
    }

    /** The fact without its supersession links to rows in {@code gone}. */
    private T unlinked(T f, Set<String> gone) {
        String supersedes = gone.contains(f.supersedes()) ? null : f.supersedes();
        String supersededBy = gone.contains(f.supersededBy()) ? null : f.supersededBy();
        return Objects.equals(supersedes, f.supersedes()) && Objects.equals(supersededBy, f.supersededBy()) ? f
                : rebuild.with(f, f.importance(), f.confidence(), f.validUntil(), supersedes, supersededBy, f.closedAt());
    }

    /** The most used values of {@code column} among live rows, most used first, ties by value. */
    List<String> mostUsed(ContextId contextId, Function<T, String> column, int limit) {
        Map<String, Long> counts = new LinkedHashMap<>();
        of(contextId).filter(Fact::isLive).forEach(f -> counts.merge(column.apply(f), 1L, Long::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }
}
