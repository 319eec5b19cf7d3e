package dev.spectron.server.retrieval;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spectron.core.retrieval.ContextBlock;
import dev.spectron.core.retrieval.SearchDoc;

/** A cited memory item (spectron-api.md §2.2.5): the marker as the text shows it, and what it points at. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CitationJson(String marker, String id, String kind, String snippet, double score, String occurredAt, String role,
                           String turnId, String sessionId) {
    private static final int SNIPPET_CHARS = 200;

    public static CitationJson from(ContextBlock.Cited cited) {
        SearchDoc doc = cited.hit().doc();
        String text = doc.text().strip();
        String snippet = text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "…";
        return new CitationJson("[" + cited.marker() + "]", doc.id(), doc.kind().wireName(), snippet, cited.hit().score(),
                doc.occurredAt().toString(), "assistant".equals(doc.role()) ? "assistant" : null, doc.turnId(), doc.sessionId());
    }
}
