package dev.spectron.store.jdbc;

import dev.spectron.core.context.ContextId;
import java.sql.SQLException;
import java.util.List;

/**
 * What differs between the databases the JDBC records run on. The records are written once in the
 * SQL both SQLite and PostgreSQL take ({@code ON CONFLICT ... DO UPDATE}, {@code LIMIT}, {@code CAST});
 * the few places where they part ways ask the dialect. Failures are classified by code, never by
 * message text.
 */
public interface SqlDialect {
    /** A duplicate key: the caller asked for something that exists ({@code ConflictException}). */
    boolean isUniqueViolation(SQLException e);

    /**
     * True when, after this failure, the database may have ended the transaction on its own; the
     * {@link Sql} of that transaction then refuses further statements, so none runs outside it.
     */
    boolean mayHaveEndedTransaction(SQLException e);

    /** The exception a caller sees for an unexpected failure of {@code sql}. */
    RuntimeException failure(String sql, SQLException e);

    /** The scalar function returning the larger of two values: {@code MAX} on SQLite, {@code GREATEST} on PostgreSQL. */
    String greatest();

    /** A column of {@code search_docs} that orders documents as they were inserted. */
    String insertionOrder();

    /**
     * The query behind {@code SearchRecords.containingAll}: documents of the context whose text holds
     * every term (terms bound as data, never query syntax), selecting {@code columns} of
     * {@code search_docs}, in insertion order.
     */
    BoundQuery containingAll(String columns, ContextId contextId, List<String> terms, boolean includeRetired);

    /** SQL text and the parameters it binds, in order. */
    record BoundQuery(String sql, List<Object> params) {
        public BoundQuery {
            params = List.copyOf(params);
        }
    }
}
