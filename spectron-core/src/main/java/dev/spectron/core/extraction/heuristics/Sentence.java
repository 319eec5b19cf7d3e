package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.extraction.Span;

/**
 * One sentence of a turn: offsets into the turn text (trailing whitespace excluded, terminator
 * included) and whether it asks rather than tells.
 */
record Sentence(int start, int end, boolean question) {
    Span span() {
        return new Span(start, end);
    }

    String of(String text) {
        return text.substring(start, end);
    }
}
