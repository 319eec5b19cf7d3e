package dev.spectron.core.ingest;

import dev.spectron.core.context.ContextId;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored turn's extraction, queued by an asynchronous turn (issue 20): written in the
 * transaction that stores the turn, so a crash before it runs leaves it queued, and finished in
 * the transaction that writes what it found.
 *
 * @param result the rendered diff once finished ({@code ok} or {@code failed}); null while pending
 * @param finishedAt null while pending
 */
public record ExtractionJob(ContextId contextId, String turnId, String sessionId, long turnSeq, State state, String result,
                            Instant createdAt, Instant finishedAt) {

    public enum State {
        PENDING, OK, FAILED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static State fromWire(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public ExtractionJob {
        Objects.requireNonNull(contextId, "contextId");
        Objects.requireNonNull(turnId, "turnId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A job for a turn just stored. */
    public static ExtractionJob pending(ContextId contextId, String turnId, String sessionId, long turnSeq, Instant createdAt) {
        return new ExtractionJob(contextId, turnId, sessionId, turnSeq, State.PENDING, null, createdAt, null);
    }
}
