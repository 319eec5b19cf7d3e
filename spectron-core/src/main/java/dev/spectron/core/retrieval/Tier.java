package dev.spectron.core.retrieval;

import java.util.Locale;

/** How a read was answered (the seed's "direct scope → hybrid → full context"). */
public enum Tier {
    DIRECT, HYBRID, FULL_CONTEXT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
