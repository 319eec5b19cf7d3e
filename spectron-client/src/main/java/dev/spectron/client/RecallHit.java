package dev.spectron.client;

import java.time.Instant;

/**
 * One ranked item of {@code recall}.
 *
 * @param source the retriever(s) that found it (e.g. {@code direct}, {@code bm25+vector})
 * @param kind   attribute, relation, turn, entity, ...
 */
public record RecallHit(String id, double score, String source, String text, Instant occurredAt, String kind, String refId,
                        String turnId, String sessionId, String speaker, String role) {
}
