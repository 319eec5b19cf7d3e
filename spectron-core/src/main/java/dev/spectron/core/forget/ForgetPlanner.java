package dev.spectron.core.forget;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.forget.ForgetQuery.Reference;
import dev.spectron.core.forget.ForgetQuery.Words;
import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.Fact;
import dev.spectron.core.memory.Instruction;
import dev.spectron.core.memory.Relation;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.core.retrieval.SearchDoc;
import dev.spectron.core.session.Turn;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds what a forget touches, inside the transaction that will change it. A soft forget sees
 * only what is live; a purge also sees what was retired or superseded (so a soft forget can be
 * followed by a purge) and adds the versions each matched fact superseded, its history.
 */
final class ForgetPlanner {
    private ForgetPlanner() {
    }

    static ForgetPlan plan(StoreTransaction tx, ContextId contextId, ForgetQuery query, boolean purge) {
        return switch (query) {
            case Reference reference -> reference(tx, contextId, reference, purge);
            case Words words -> words(tx, contextId, words, purge);
        };
    }

    private static ForgetPlan reference(StoreTransaction tx, ContextId contextId, Reference reference, boolean purge) {
        Optional<Entity> found = tx.entities().find(contextId, reference.entity()).filter(e -> purge || !e.isDeleted());
        if (found.isEmpty()) {
            return ForgetPlan.NOTHING;
        }
        Entity entity = found.get();
        String key = reference.key();
        List<Relation> relations = purge ? tx.relations().allTouching(contextId, entity.id()) : tx.relations().liveTouching(contextId, entity.id());
        if (key == null) {
            List<Attribute> attributes = purge ? tx.attributes().allOf(contextId, entity.id()) : tx.attributes().liveOf(contextId, entity.id());
            return new ForgetPlan(attributes, relations, List.of(), entity, List.of());
        }
        List<Attribute> attributes = purge ? tx.attributes().history(contextId, entity.id(), key) : tx.attributes().live(contextId, entity.id(), key);
        return new ForgetPlan(attributes, relations.stream().filter(r -> r.label().equals(key)).toList(), List.of(), null, List.of());
    }

    /**
     * The full-text index proposes documents holding every word (in its stemmed sense); each is then
     * checked against the row's own text, so a turn matches on what was said, never on its speaker's
     * name, which the index stores in front of it.
     */
    private static ForgetPlan words(StoreTransaction tx, ContextId contextId, Words words, boolean purge) {
        Map<SearchDoc.Kind, List<SearchDoc>> docs = tx.search().containingAll(contextId, words.terms(), purge).stream()
                .collect(Collectors.groupingBy(SearchDoc::kind));
        List<Attribute> attributes = tx.attributes().findByIds(contextId, matchingRefs(docs, SearchDoc.Kind.ATTRIBUTE, words)).stream()
                .filter(a -> purge || a.isLive()).toList();
        List<Relation> relations = tx.relations().findByIds(contextId, matchingRefs(docs, SearchDoc.Kind.RELATION, words)).stream()
                .filter(r -> purge || r.isLive()).toList();
        List<Instruction> instructions = (purge ? tx.instructions().all(contextId) : tx.instructions().active(contextId)).stream()
                .filter(i -> words.matches(i.description())).toList();
        List<SearchDoc> turnDocs = docs.getOrDefault(SearchDoc.Kind.TURN, List.of());
        Map<String, String> said = tx.turns().findByIds(contextId, turnDocs.stream().map(SearchDoc::refId).toList()).stream()
                .collect(Collectors.toMap(Turn::id, Turn::content));
        turnDocs = turnDocs.stream().filter(d -> said.containsKey(d.refId()) && words.matches(said.get(d.refId()))).toList();
        if (purge) {
            attributes = withHistory(attributes, ids -> tx.attributes().findByIds(contextId, ids));
            relations = withHistory(relations, ids -> tx.relations().findByIds(contextId, ids));
        }
        return new ForgetPlan(attributes, relations, instructions, null, turnDocs);
    }

    private static List<String> matchingRefs(Map<SearchDoc.Kind, List<SearchDoc>> docs, SearchDoc.Kind kind, Words words) {
        return docs.getOrDefault(kind, List.of()).stream().filter(d -> words.matches(d.text())).map(SearchDoc::refId).distinct().toList();
    }

    /** The matched facts and, following {@code supersedes} back, every version they replaced. */
    private static <T extends Fact> List<T> withHistory(List<T> matched, Function<Collection<String>, List<T>> findByIds) {
        Map<String, T> all = new LinkedHashMap<>();
        matched.forEach(f -> all.put(f.id(), f));
        Set<String> next = previous(matched, all);
        while (!next.isEmpty()) {
            List<T> found = findByIds.apply(next);
            found.forEach(f -> all.putIfAbsent(f.id(), f));
            next = previous(found, all);
        }
        return List.copyOf(all.values());
    }

    private static <T extends Fact> Set<String> previous(List<T> facts, Map<String, T> seen) {
        Set<String> ids = new HashSet<>();
        for (T fact : facts) {
            if (fact.supersedes() != null && !seen.containsKey(fact.supersedes())) {
                ids.add(fact.supersedes());
            }
        }
        return ids;
    }
}
