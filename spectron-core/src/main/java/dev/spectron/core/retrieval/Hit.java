package dev.spectron.core.retrieval;

import java.util.List;

/** A returned document with its fused score and the retrievers that proposed it ({@code bm25}, {@code vector}, {@code graph}, {@code direct}). */
public record Hit(SearchDoc doc, double score, List<String> sources) {
    public String source() {
        return String.join("+", sources);
    }
}
