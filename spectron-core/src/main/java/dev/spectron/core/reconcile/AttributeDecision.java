package dev.spectron.core.reconcile;

import dev.spectron.core.memory.Attribute;
import java.util.List;

/**
 * What the reconciler does with one incoming value, decided purely from the live rows of the
 * same entity, key and scope (spectron-internals.md §3). Callers switch over it exhaustively.
 */
public sealed interface AttributeDecision {
    /** Nothing live conflicts: add the value. */
    record Insert() implements AttributeDecision {
    }

    /** The same value is already live: raise its weight, add no row. */
    record Corroborate(Attribute existing) implements AttributeDecision {
    }

    /** A confident new value replaces the live ones, which close and link to it. */
    record Supersede(List<Attribute> replaced) implements AttributeDecision {
    }

    /** Older news: the value held before the live one, so it is stored already closed, ending where the live one starts. */
    record InsertHistorical(Attribute successor) implements AttributeDecision {
    }

    /** Not confident enough to replace: both values stay live and an uncertainty records the conflict. */
    record RecordConflict(List<Attribute> conflicting, String reason) implements AttributeDecision {
    }
}
