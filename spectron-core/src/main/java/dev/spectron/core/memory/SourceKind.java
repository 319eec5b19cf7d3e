package dev.spectron.core.memory;

import java.util.Locale;

/** Where a fact came from (spectron-internals.md §1.3): a turn, or an operator-supplied triple. */
public enum SourceKind {
    TURN, UPSERT, DOCUMENT, REFLECT, ELABORATION, CONSOLIDATION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceKind parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
