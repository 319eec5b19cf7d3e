package dev.spectron.core.change;

import dev.spectron.core.context.ContextId;
import java.time.Instant;

/** One row of a context's change log; {@code seq} is gap-free and increasing within the context. */
public record Change(ContextId contextId, long seq, ChangeKind kind, String refId, Instant at) {
}
