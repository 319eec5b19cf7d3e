package dev.spectron.store.jdbc;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.embedding.VectorCodec;
import dev.spectron.core.port.SearchRecords;
import dev.spectron.core.retrieval.SearchDoc;
import dev.spectron.core.retrieval.StoredVector;
import dev.spectron.core.session.ScopeSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

final class JdbcSearchRecords implements SearchRecords {
    private static final String COLUMNS = "id, kind, ref_id, session_id, turn_id, role, speaker, text, scopes, importance, occurred_at, created_at";
    private final Sql sql;

    JdbcSearchRecords(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(ContextId contextId, SearchDoc d) {
        sql.insert("search document " + d.id() + " already exists",
                "INSERT INTO search_docs (context_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                contextId.value(), d.id(), d.kind().wireName(), d.refId(), d.sessionId(), d.turnId(), d.role(), d.speaker(), d.text(),
                JsonColumns.write(d.scopes().asStrings()), d.importance(), d.occurredAt(), d.createdAt());
    }

    @Override
    public void putEmbedding(ContextId contextId, String docId, String model, float[] vector) {
        sql.update("INSERT INTO embeddings (context_id, doc_id, model, dimension, vector) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (context_id, doc_id, model) DO UPDATE SET dimension = excluded.dimension, vector = excluded.vector",
                contextId.value(), docId, model, vector.length, VectorCodec.encode(vector));
    }

    @Override
    public Map<String, String> texts(ContextId contextId) {
        return sql.query("SELECT id, text FROM search_docs WHERE context_id = ? AND retired_at IS NULL ORDER BY " + sql.dialect().insertionOrder(),
                        row -> Map.entry(row.getString("id"), row.getString("text")), contextId.value()).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    @Override
    public List<SearchDoc> find(ContextId contextId, Collection<String> ids) {
        return byColumn(contextId, "id", ids);
    }

    @Override
    public List<SearchDoc> findByRefs(ContextId contextId, Collection<String> refIds) {
        return byColumn(contextId, "ref_id", refIds);
    }

    @Override
    public List<StoredVector> vectors(ContextId contextId, String model) {
        return sql.query("SELECT doc_id, vector FROM embeddings WHERE context_id = ? AND model = ?",
                row -> new StoredVector(row.getString("doc_id"), VectorCodec.decode(row.getBytes("vector"))), contextId.value(), model);
    }

    @Override
    public List<StoredVector> vectors(ContextId contextId, String model, Collection<String> docIds) {
        if (docIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(contextId.value(), model));
        params.addAll(docIds);
        return sql.query("SELECT doc_id, vector FROM embeddings WHERE context_id = ? AND model = ? AND doc_id IN (" + marks(docIds.size()) + ")",
                row -> new StoredVector(row.getString("doc_id"), VectorCodec.decode(row.getBytes("vector"))), params.toArray());
    }

    @Override
    public List<SearchDoc> withoutVector(ContextId contextId, String model, int limit) {
        return sql.query("SELECT " + COLUMNS + " FROM search_docs d WHERE d.context_id = ? AND d.kind <> 'entity' AND d.retired_at IS NULL AND NOT EXISTS "
                        + "(SELECT 1 FROM embeddings e WHERE e.context_id = d.context_id AND e.doc_id = d.id AND e.model = ?) ORDER BY d." + sql.dialect().insertionOrder() + " LIMIT ?",
                JdbcSearchRecords::map, contextId.value(), model, limit);
    }

    @Override
    public int countWithoutVector(ContextId contextId, String model) {
        return (int) sql.queryLong("SELECT COUNT(*) FROM search_docs d WHERE d.context_id = ? AND d.kind <> 'entity' AND d.retired_at IS NULL AND NOT EXISTS "
                + "(SELECT 1 FROM embeddings e WHERE e.context_id = d.context_id AND e.doc_id = d.id AND e.model = ?)", contextId.value(), model);
    }

    @Override
    public List<String> deleteTurnDocs(ContextId contextId, String sessionId) {
        List<String> ids = sql.query("SELECT id FROM search_docs WHERE context_id = ? AND session_id = ? AND kind = 'turn'",
                row -> row.getString(1), contextId.value(), sessionId);
        sql.update("DELETE FROM embeddings WHERE context_id = ? AND doc_id IN (SELECT id FROM search_docs WHERE context_id = ? AND session_id = ? AND kind = 'turn')",
                contextId.value(), contextId.value(), sessionId);
        sql.update("DELETE FROM search_docs WHERE context_id = ? AND session_id = ? AND kind = 'turn'", contextId.value(), sessionId);
        return ids;
    }

    @Override
    public List<SearchDoc> containingAll(ContextId contextId, List<String> terms, boolean includeRetired) {
        if (terms.isEmpty()) {
            return List.of();
        }
        SqlDialect.BoundQuery query = sql.dialect().containingAll(COLUMNS, contextId, terms, includeRetired);
        return sql.query(query.sql(), JdbcSearchRecords::map, query.params().toArray());
    }

    @Override
    public void retire(ContextId contextId, Collection<String> docIds, Instant at) {
        if (docIds.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>(List.of(at, contextId.value()));
        params.addAll(docIds);
        sql.update("UPDATE search_docs SET retired_at = ? WHERE context_id = ? AND retired_at IS NULL AND id IN (" + marks(docIds.size()) + ")",
                params.toArray());
        deleteVectors(contextId, docIds);
    }

    @Override
    public List<String> deleteByRefs(ContextId contextId, Collection<String> refIds) {
        if (refIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(contextId.value()));
        params.addAll(refIds);
        // Retired documents too: a purge leaves nothing behind.
        List<String> ids = sql.query("SELECT id FROM search_docs WHERE context_id = ? AND ref_id IN (" + marks(refIds.size()) + ")",
                row -> row.getString(1), params.toArray());
        deleteVectors(contextId, ids);
        sql.update("DELETE FROM search_docs WHERE context_id = ? AND ref_id IN (" + marks(refIds.size()) + ")", params.toArray());
        return ids;
    }

    private void deleteVectors(ContextId contextId, Collection<String> docIds) {
        if (docIds.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>(List.of(contextId.value()));
        params.addAll(docIds);
        sql.update("DELETE FROM embeddings WHERE context_id = ? AND doc_id IN (" + marks(docIds.size()) + ")", params.toArray());
    }

    private List<SearchDoc> byColumn(ContextId contextId, String column, Collection<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(contextId.value());
        params.addAll(values);
        return sql.query("SELECT " + COLUMNS + " FROM search_docs WHERE context_id = ? AND retired_at IS NULL AND " + column + " IN ("
                        + marks(values.size()) + ")",
                JdbcSearchRecords::map, params.toArray());
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static SearchDoc map(ResultSet row) throws SQLException {
        return new SearchDoc(row.getString("id"), SearchDoc.Kind.parse(row.getString("kind")), row.getString("ref_id"), row.getString("session_id"),
                row.getString("turn_id"), row.getString("role"), row.getString("speaker"), row.getString("text"),
                ScopeSet.parse(JsonColumns.readClauses(row.getString("scopes"))), row.getDouble("importance"),
                Sql.instant(row, "occurred_at"), Sql.instant(row, "created_at"));
    }
}
