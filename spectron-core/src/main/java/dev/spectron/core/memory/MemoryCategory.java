package dev.spectron.core.memory;

import java.util.Locale;

/**
 * How a fact is kept (spectron-internals.md §1.5, §5.1): identity facts are stable, knowledge
 * fades slowly without reinforcement, context is the short-lived working set. Unknown labels
 * fall into {@link #CONTEXT}.
 */
public enum MemoryCategory {
    IDENTITY(1.0), KNOWLEDGE(0.8), CONTEXT(0.5);

    private final double initialImportance;

    MemoryCategory(double initialImportance) {
        this.initialImportance = initialImportance;
    }

    public double initialImportance() {
        return initialImportance;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MemoryCategory parse(String raw) {
        if (raw != null) {
            for (MemoryCategory category : values()) {
                if (category.wireName().equalsIgnoreCase(raw.strip())) {
                    return category;
                }
            }
        }
        return CONTEXT;
    }
}
