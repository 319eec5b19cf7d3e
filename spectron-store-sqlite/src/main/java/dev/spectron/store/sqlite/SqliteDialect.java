package dev.spectron.store.sqlite;

import dev.spectron.core.context.ContextId;
import dev.spectron.store.jdbc.SqlDialect;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite's side of the shared JDBC records: result codes, FTS5 for full text, {@code rowid} as insertion order. */
final class SqliteDialect implements SqlDialect {
    static final SqliteDialect INSTANCE = new SqliteDialect();

    private SqliteDialect() {
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        if (!(e instanceof SQLiteException sqlite)) {
            return false;
        }
        SQLiteErrorCode code = sqlite.getResultCode();
        return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
    }

    @Override
    public boolean mayHaveEndedTransaction(SQLException e) {
        return SqliteFailures.mayHaveEndedTransaction(e);
    }

    @Override
    public RuntimeException failure(String sql, SQLException e) {
        return SqliteFailures.forStatement(sql, e);
    }

    @Override
    public String greatest() {
        return "MAX";
    }

    @Override
    public String insertionOrder() {
        return "rowid";
    }

    @Override
    public BoundQuery containingAll(String columns, ContextId contextId, List<String> terms, boolean includeRetired) {
        // Quoted terms side by side: FTS5 reads that as AND, and user text never becomes query syntax.
        String match = terms.stream().map(t -> "\"" + t.replace("\"", "") + "\"").collect(Collectors.joining(" "));
        String joined = "d." + columns.replace(", ", ", d."); // a join with search_fts makes bare names ambiguous
        return new BoundQuery("SELECT " + joined + " FROM search_fts CROSS JOIN search_docs d ON d.rowid = search_fts.rowid "
                + "WHERE search_fts MATCH ? AND search_fts.context_id = ? AND d.context_id = ?"
                + (includeRetired ? "" : " AND d.retired_at IS NULL") + " ORDER BY d.rowid",
                List.of(match, contextId.value(), contextId.value()));
    }
}
