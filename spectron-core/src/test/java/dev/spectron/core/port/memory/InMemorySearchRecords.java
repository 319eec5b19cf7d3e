package dev.spectron.core.port.memory;

import dev.spectron.core.ConflictException;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.SearchRecords;
import dev.spectron.core.retrieval.SearchDoc;
import dev.spectron.core.retrieval.StoredVector;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Documents in the order they were inserted (the JDBC records' {@code rowid}); vectors keyed by (document, model), cloned in and out. */
final class InMemorySearchRecords implements SearchRecords {
    private final InMemoryTransaction tx;

    InMemorySearchRecords(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(ContextId contextId, SearchDoc doc) {
        Tables t = tx.writeIn(contextId);
        if (t.docs.putIfAbsent(new Tables.Key(contextId, doc.id()), new Tables.DocRow(doc, null)) != null) {
            throw new ConflictException("search document " + doc.id() + " already exists");
        }
    }

    @Override
    public void putEmbedding(ContextId contextId, String docId, String model, float[] vector) {
        tx.writeIn(contextId).vectors.put(new Tables.VectorKey(contextId, docId, model), vector.clone());
    }

    @Override
    public Map<String, String> texts(ContextId contextId) {
        Map<String, String> texts = new LinkedHashMap<>();
        live(contextId).forEach(doc -> texts.put(doc.id(), doc.text()));
        return texts;
    }

    @Override
    public List<SearchDoc> find(ContextId contextId, Collection<String> ids) {
        Set<String> wanted = new LinkedHashSet<>(ids);
        return live(contextId).filter(doc -> wanted.contains(doc.id())).toList();
    }

    @Override
    public List<SearchDoc> findByRefs(ContextId contextId, Collection<String> refIds) {
        Set<String> wanted = new LinkedHashSet<>(refIds);
        return live(contextId).filter(doc -> wanted.contains(doc.refId())).toList();
    }

    @Override
    public List<StoredVector> vectors(ContextId contextId, String model) {
        return vectors(contextId, model, key -> true);
    }

    @Override
    public List<StoredVector> vectors(ContextId contextId, String model, Collection<String> docIds) {
        Set<String> wanted = new LinkedHashSet<>(docIds);
        return vectors(contextId, model, key -> wanted.contains(key.docId()));
    }

    @Override
    public List<SearchDoc> withoutVector(ContextId contextId, String model, int limit) {
        return live(contextId).filter(withoutVector(contextId, model)).limit(limit).toList();
    }

    @Override
    public int countWithoutVector(ContextId contextId, String model) {
        return (int) live(contextId).filter(withoutVector(contextId, model)).count();
    }

    @Override
    public List<String> deleteTurnDocs(ContextId contextId, String sessionId) {
        return delete(contextId, doc -> doc.kind() == SearchDoc.Kind.TURN && sessionId.equals(doc.sessionId()));
    }

    @Override
    public List<SearchDoc> containingAll(ContextId contextId, List<String> terms, boolean includeRetired) {
        return FullText.phrases(terms).map(phrases -> rows(contextId).filter(row -> includeRetired || !row.retired())
                .map(Tables.DocRow::doc).filter(doc -> FullText.containsAll(doc.text(), phrases)).toList()).orElse(List.of());
    }

    @Override
    public void retire(ContextId contextId, Collection<String> docIds, Instant at) {
        Tables t = tx.write();
        for (String id : new LinkedHashSet<>(docIds)) {
            t.docs.computeIfPresent(new Tables.Key(contextId, id), (key, row) -> row.retired() ? row : new Tables.DocRow(row.doc(), at));
        }
        t.vectors.keySet().removeIf(key -> key.contextId().equals(contextId) && docIds.contains(key.docId()));
    }

    @Override
    public List<String> deleteByRefs(ContextId contextId, Collection<String> refIds) {
        Set<String> refs = new LinkedHashSet<>(refIds);
        // Retired documents too: a purge leaves nothing behind.
        return delete(contextId, doc -> refs.contains(doc.refId()));
    }

    /** Deletes the context's documents (retired or not) that match, with their vectors; returns their ids. */
    private List<String> delete(ContextId contextId, Predicate<SearchDoc> matching) {
        Tables t = tx.write();
        List<String> ids = rows(contextId).map(Tables.DocRow::doc).filter(matching).map(SearchDoc::id).toList();
        ids.forEach(id -> t.docs.remove(new Tables.Key(contextId, id)));
        t.vectors.keySet().removeIf(key -> key.contextId().equals(contextId) && ids.contains(key.docId()));
        return ids;
    }

    private Predicate<SearchDoc> withoutVector(ContextId contextId, String model) {
        Map<Tables.VectorKey, float[]> vectors = tx.read().vectors;
        return doc -> doc.kind() != SearchDoc.Kind.ENTITY && !vectors.containsKey(new Tables.VectorKey(contextId, doc.id(), model));
    }

    private List<StoredVector> vectors(ContextId contextId, String model, Predicate<Tables.VectorKey> wanted) {
        return tx.read().vectors.entrySet().stream()
                .filter(e -> e.getKey().contextId().equals(contextId) && e.getKey().model().equals(model) && wanted.test(e.getKey()))
                .map(e -> new StoredVector(e.getKey().docId(), e.getValue().clone())).toList();
    }

    private Stream<SearchDoc> live(ContextId contextId) {
        return rows(contextId).filter(row -> !row.retired()).map(Tables.DocRow::doc);
    }

    private Stream<Tables.DocRow> rows(ContextId contextId) {
        return tx.read().docs.entrySet().stream().filter(e -> e.getKey().contextId().equals(contextId)).map(Map.Entry::getValue);
    }
}
