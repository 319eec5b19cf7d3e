package dev.spectron.core.memory;

/**
 * Provenance of a fact: what produced it ({@code kind}), the originating turn ({@code turnId}),
 * its session, and the character span of the quote in that turn. Spans are stored, not
 * regenerated (spectron-internals.md §1.3).
 */
public record SourceRef(SourceKind kind, String turnId, String sessionId, Integer spanStart, Integer spanEnd) {
    public static SourceRef turn(String turnId, String sessionId, dev.spectron.core.extraction.Span span) {
        return new SourceRef(SourceKind.TURN, turnId, sessionId, span == null ? null : span.start(), span == null ? null : span.end());
    }

    public SourceRef withSpan(dev.spectron.core.extraction.Span span) {
        return new SourceRef(kind, turnId, sessionId, span == null ? null : span.start(), span == null ? null : span.end());
    }
}
