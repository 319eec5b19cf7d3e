package dev.spectron.client;

import java.util.List;

/**
 * The context block for the next prompt ({@code session.context()}, {@code memory.context()}).
 *
 * @param context   markdown inside a {@code <memory trust="untrusted-data">} fence, ready to put in a prompt
 * @param tier      the retrieval tier that answered: direct, hybrid or full_context
 * @param queryMs   server-side retrieval time
 * @param traceId   the retrieval trace, or null
 * @param citations what the {@code [S1]} markers in {@link #context()} refer to
 */
public record ContextResult(String context, String tier, double queryMs, String traceId, List<Citation> citations) {
    public ContextResult {
        citations = Lists.of(citations);
    }
}
