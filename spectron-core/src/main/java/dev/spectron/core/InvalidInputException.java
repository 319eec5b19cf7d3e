package dev.spectron.core;

/** The request is malformed or a field is missing or out of range (400). Names the offending field. */
public final class InvalidInputException extends SpectronException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public InvalidInputException(String message) {
        this(null, message);
    }

    /** The JSON field or parameter at fault, or {@code null} when the whole request is. */
    public String field() {
        return field;
    }
}
