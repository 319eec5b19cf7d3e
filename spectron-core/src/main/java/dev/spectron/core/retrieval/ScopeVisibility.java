package dev.spectron.core.retrieval;

import dev.spectron.core.session.ScopePath;
import dev.spectron.core.session.ScopeSet;
import java.util.List;

/**
 * Who may see what (spectron-internals.md §4.4, §6.1), fail-closed: a record is visible to a
 * reader when one of its clauses is covered by one of the reader's clauses, a path being covered
 * by itself or by any path below it. So org facts reach a user of that org; a user's facts never
 * reach another user or an org-wide reader. Records without scope are context-wide.
 */
public final class ScopeVisibility {
    private ScopeVisibility() {
    }

    /** {@code reader} null means an unrestricted read of the whole context. */
    public static boolean visible(ScopeSet record, ScopeSet reader) {
        if (reader == null || record.clauses().isEmpty()) {
            return true;
        }
        for (List<ScopePath> recordClause : record.clauses()) {
            for (List<ScopePath> readerClause : reader.clauses()) {
                if (recordClause.stream().allMatch(path -> readerClause.stream().anyMatch(r -> r.value().startsWith(path.value())))) {
                    return true;
                }
            }
        }
        return false;
    }
}
