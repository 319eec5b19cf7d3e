package dev.spectron.core.extraction;

/** Character offsets {@code [start, end)} of the quote a fact came from, in its source turn. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }
}
