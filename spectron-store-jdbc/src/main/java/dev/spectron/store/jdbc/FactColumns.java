package dev.spectron.store.jdbc;

import dev.spectron.core.memory.Fact;
import dev.spectron.core.memory.MemoryCategory;
import dev.spectron.core.memory.SourceKind;
import dev.spectron.core.memory.SourceRef;
import dev.spectron.core.session.ScopeSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The columns attributes and relations share: weight, scope, temporal fields and provenance. */
final class FactColumns {
    static final String NAMES = "memory_category, importance, confidence, scopes, valid_from, valid_until, supersedes, superseded_by, "
            + "source_kind, source_turn, source_session, span_start, span_end, created_at, closed_at";
    static final String MARKS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    private FactColumns() {
    }

    static Object[] values(Fact fact) {
        SourceRef source = fact.source();
        return new Object[] {fact.category().wireName(), fact.importance(), fact.confidence(), JsonColumns.write(fact.scopes().asStrings()),
                fact.validFrom(), fact.validUntil(), fact.supersedes(), fact.supersededBy(), source.kind().wireName(), source.turnId(),
                source.sessionId(), source.spanStart(), source.spanEnd(), fact.createdAt(), fact.closedAt()};
    }

    /** The shared columns of one row, read once so the mappers stay short. */
    record Read(MemoryCategory category, double importance, double confidence, ScopeSet scopes, Instant validFrom, Instant validUntil,
                String supersedes, String supersededBy, SourceRef source, Instant createdAt, Instant closedAt) {
        static Read from(ResultSet row) throws SQLException {
            return new Read(MemoryCategory.parse(row.getString("memory_category")), row.getDouble("importance"), row.getDouble("confidence"),
                    ScopeSet.parse(JsonColumns.readClauses(row.getString("scopes"))), Sql.instant(row, "valid_from"),
                    Sql.instant(row, "valid_until"), row.getString("supersedes"), row.getString("superseded_by"),
                    new SourceRef(SourceKind.parse(row.getString("source_kind")), row.getString("source_turn"), row.getString("source_session"),
                            nullableInt(row, "span_start"), nullableInt(row, "span_end")),
                    Sql.instant(row, "created_at"), Sql.instant(row, "closed_at"));
        }
    }

    static Object[] prepend(Object[] head, Object[] tail) {
        Object[] out = new Object[head.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    private static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }
}
