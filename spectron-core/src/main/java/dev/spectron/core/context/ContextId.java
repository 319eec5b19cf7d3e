package dev.spectron.core.context;

import dev.spectron.core.InvalidInputException;
import dev.spectron.core.UnprocessableException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A caller-chosen context name, used verbatim in URLs ({@code /api/v1/{context}/...}). A context
 * is the hard isolation unit: every stored row carries one and every query filters on it.
 */
public record ContextId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /** Names that would shadow server routes under {@code /api/v1/}. */
    private static final Set<String> RESERVED = Set.of("contexts", "health", "verbs", "migrations", "spectron");

    public static final ContextId DEFAULT = new ContextId("default");

    public ContextId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidInputException("id", "context id must be 1-64 characters of letters, digits, '_', '.' or '-', "
                    + "starting with a letter or digit; got " + (value == null ? "nothing" : "'" + value + "'"));
        }
    }

    /** Parses an id for a new context, refusing the reserved names. */
    public static ContextId forNewContext(String value) {
        ContextId id = new ContextId(value);
        if (RESERVED.contains(value.toLowerCase(java.util.Locale.ROOT))) {
            throw new UnprocessableException("context id '" + value + "' is reserved");
        }
        return id;
    }

    @Override
    public String toString() {
        return value;
    }
}
