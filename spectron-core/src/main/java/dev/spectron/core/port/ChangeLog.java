package dev.spectron.core.port;

import dev.spectron.core.change.Change;
import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.context.ContextId;
import java.time.Instant;
import java.util.List;

/**
 * The per-context change log. Readers that cache derived state remember the last {@code seq}
 * they applied and read {@link #since} before serving; that keeps several server processes on
 * one database consistent without a cache protocol (DESIGN.md §3).
 *
 * <p>A context's numbers follow each other without gaps. A context created again under a deleted
 * one's id starts above every number the deleted one handed out, and not right after any of
 * them: a reader still positioned in the old log finds the next row it reads is not
 * {@code seq + 1}, or the newest number is not its own, and rebuilds.
 */
public interface ChangeLog {
    /** Appends a row with the context's next sequence number and returns it. */
    Change append(ContextId contextId, ChangeKind kind, String refId, Instant at);

    /** The context's newest sequence number, 0 when nothing was logged. */
    long lastSeq(ContextId contextId);

    /** Rows with {@code seq > afterSeq}, ascending, at most {@code limit}. */
    List<Change> since(ContextId contextId, long afterSeq, int limit);
}
