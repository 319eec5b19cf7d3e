package dev.spectron.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who said a turn. On the wire: {@code user}, {@code assistant}, {@code system}, {@code tool}. */
public enum Role {
    USER, ASSISTANT, SYSTEM, TOOL;

    /** The wire name, e.g. {@code user}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name (case-insensitive). */
    @JsonCreator
    public static Role of(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
