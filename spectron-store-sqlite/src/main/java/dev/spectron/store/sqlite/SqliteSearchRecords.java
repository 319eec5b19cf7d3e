package dev.spectron.store.sqlite;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.embedding.VectorCodec;
import dev.spectron.core.port.SearchRecords;
import dev.spectron.core.retrieval.ScoredId;
import dev.spectron.core.retrieval.SearchDoc;
import dev.spectron.core.retrieval.StoredVector;
import dev.spectron.core.session.ScopeSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

final class SqliteSearchRecords implements SearchRecords {
    private static final String COLUMNS = "id, kind, ref_id, session_id, turn_id, role, speaker, text, scopes, importance, occurred_at, created_at";
    /** The same columns of {@code search_docs d} where a join with {@code search_fts} makes bare names ambiguous. */
    private static final String JOINED_COLUMNS = "d." + COLUMNS.replace(", ", ", d.");
    private final Sql sql;

    SqliteSearchRecords(Sql sql) {
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
        sql.update("INSERT OR REPLACE INTO embeddings (context_id, doc_id, model, dimension, vector) VALUES (?, ?, ?, ?, ?)",
                contextId.value(), docId, model, vector.length, VectorCodec.encode(vector));
    }

    /**
     * Matches scored per query: past this many (and ten per wanted result), BM25 costs more than the
     * rest of a read. FTS5 scores every matching row before it can take the best, and a word
     * common in a large context matches a tenth of it (100k documents: ~50 ms on 2 cores).
     */
    static final int SCORED_WINDOW = 1_000;
    private static final String SCORED = "SELECT search_fts.rowid AS r, d.id, bm25(search_fts) AS score FROM search_fts "
            // CROSS JOIN keeps the full-text match as the outer loop; otherwise SQLite may walk the
            // context's documents and run the match once per row (seen: 0.8 s at 10k documents).
            // The context is checked on the joined row: reading FTS5's own unindexed column costs more.
            + "CROSS JOIN search_docs d ON d.rowid = search_fts.rowid WHERE search_fts MATCH ? AND d.context_id = ? AND d.retired_at IS NULL";

    private record Scored(long rowid, String id, double score) {
    }

    /**
     * Exact BM25 top {@code limit} while a query matches at most the scoring window in the context.
     * Past it: the window's most recent matches, plus every match of the query's rarer words (each
     * matches at most a window's worth of documents in the store), all scored with every query
     * word, so scores stay comparable; what drops out is an older document that matches only words
     * common in the store.
     */
    @Override
    public List<ScoredId> fullText(ContextId contextId, List<String> terms, int limit) {
        if (terms.isEmpty()) {
            return List.of();
        }
        int window = Math.max(SCORED_WINDOW, limit * 10);
        // Each term quoted: user text never reaches FTS5 as query syntax.
        List<String> quoted = terms.stream().map(t -> "\"" + t.replace("\"", "") + "\"").toList();
        List<Scored> recent = scored(SCORED + " ORDER BY search_fts.rowid DESC LIMIT ?", or(quoted), contextId.value(), window);
        if (recent.size() < window) {
            return best(recent, limit);
        }
        List<String> rare = new ArrayList<>();
        List<String> common = new ArrayList<>();
        for (String term : quoted) {
            (sql.queryLong("SELECT count(*) FROM search_fts WHERE search_fts MATCH ?", term) <= window ? rare : common).add(term);
        }
        if (common.isEmpty()) {
            return best(scored(SCORED, or(quoted), contextId.value()), limit);
        }
        List<Scored> all = new ArrayList<>(recent);
        if (!rare.isEmpty()) {
            // Both halves name every term once, so FTS5's bm25 scores them as the full query would.
            all.addAll(scored(SCORED, "(" + or(rare) + ") AND (" + or(common) + ")", contextId.value()));
            all.addAll(scored(SCORED, "(" + or(rare) + ") NOT (" + or(common) + ")", contextId.value()));
        }
        return best(all, limit);
    }

    private List<Scored> scored(String query, Object... params) {
        return sql.query(query, row -> new Scored(row.getLong("r"), row.getString("id"), -row.getDouble("score")), params);
    }

    private static String or(List<String> quoted) {
        return String.join(" OR ", quoted);
    }

    /** Highest score first, ties to the earlier-indexed document; each document once. */
    private static List<ScoredId> best(List<Scored> scored, int limit) {
        Map<Long, Scored> unique = new HashMap<>();
        scored.forEach(s -> unique.putIfAbsent(s.rowid(), s));
        return unique.values().stream()
                .sorted(Comparator.comparingDouble(Scored::score).reversed().thenComparingLong(Scored::rowid))
                .limit(limit).map(s -> new ScoredId(s.id(), s.score())).toList();
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
                        + "(SELECT 1 FROM embeddings e WHERE e.context_id = d.context_id AND e.doc_id = d.id AND e.model = ?) ORDER BY d.rowid LIMIT ?",
                SqliteSearchRecords::map, contextId.value(), model, limit);
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
        // Quoted terms side by side: FTS5 reads that as AND, and user text never becomes query syntax.
        String match = terms.stream().map(t -> "\"" + t.replace("\"", "") + "\"").collect(Collectors.joining(" "));
        return sql.query("SELECT " + JOINED_COLUMNS + " FROM search_fts CROSS JOIN search_docs d ON d.rowid = search_fts.rowid "
                        + "WHERE search_fts MATCH ? AND search_fts.context_id = ? AND d.context_id = ?"
                        + (includeRetired ? "" : " AND d.retired_at IS NULL") + " ORDER BY d.rowid",
                SqliteSearchRecords::map, match, contextId.value(), contextId.value());
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
                SqliteSearchRecords::map, params.toArray());
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
