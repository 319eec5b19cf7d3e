package dev.spectron.store.postgres;

import dev.spectron.core.context.ContextId;
import dev.spectron.store.jdbc.SqlDialect;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL's side of the shared JDBC records: SQLSTATEs, a {@code tsvector} for full text, {@code ord} as insertion order. */
final class PostgresDialect implements SqlDialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();

    private PostgresDialect() {
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return SqlStates.isUniqueViolation(e);
    }

    /** A failed statement aborts the whole PostgreSQL transaction: nothing after it may run in it. */
    @Override
    public boolean mayHaveEndedTransaction(SQLException e) {
        return true;
    }

    @Override
    public RuntimeException failure(String sql, SQLException e) {
        return PostgresStoreException.forStatement(sql, e);
    }

    @Override
    public String greatest() {
        return "GREATEST";
    }

    /** An identity column standing in for SQLite's rowid (V3__search.sql). */
    @Override
    public String insertionOrder() {
        return "ord";
    }

    @Override
    public BoundQuery containingAll(String columns, ContextId contextId, List<String> terms, boolean includeRetired) {
        // Each term is bound as data and parsed by phraseto_tsquery, which knows no operators, so user
        // text never becomes query syntax. Like a quoted FTS5 phrase, a term of several words matches
        // them side by side; terms are ANDed. Words fold through spectron_english (V3__search.sql).
        String query = terms.stream().map(t -> "phraseto_tsquery('spectron_english', ?)").collect(Collectors.joining(" && "));
        List<Object> params = new ArrayList<>();
        params.add(contextId.value());
        params.addAll(terms);
        return new BoundQuery("SELECT " + columns + " FROM search_docs WHERE context_id = ? AND tsv @@ (" + query + ")"
                + (includeRetired ? "" : " AND retired_at IS NULL") + " ORDER BY ord", params);
    }
}
