package dev.spectron.client;

import java.util.Locale;

/** Category of a fact, which sets its initial importance and decay: identity, knowledge, context. */
public enum MemoryCategory {
    IDENTITY, KNOWLEDGE, CONTEXT;

    /** The wire name, e.g. {@code identity}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
