package dev.spectron.core.ingest;

import dev.spectron.core.reconcile.MemoryDiff;
import dev.spectron.core.session.Turn;

/** A stored turn and what it changed in memory. */
public record IngestedTurn(Turn turn, MemoryDiff diff) {
}
