package dev.spectron.server.retrieval;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spectron.core.retrieval.Hit;

/** One ranked item of {@code /query} (spectron-api.md §2.2.3): what it says, why it ranked, where it came from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HitJson(String id, double score, String source, String text, String occurredAt, String kind, String refId, String turnId,
               String sessionId, String speaker, String role) {
    static HitJson from(Hit hit) {
        var doc = hit.doc();
        return new HitJson(doc.id(), hit.score(), hit.source(), doc.text(), doc.occurredAt().toString(), doc.kind().wireName(), doc.refId(),
                doc.turnId(), doc.sessionId(), doc.speaker(), doc.role());
    }
}
