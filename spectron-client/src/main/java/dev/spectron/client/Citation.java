package dev.spectron.client;

import java.time.Instant;

/**
 * What an {@code [S1]}-style marker in a context block or reply refers to.
 *
 * @param marker     e.g. {@code S1} or {@code [S1]} (as the server sends it)
 * @param id         the retrieved document id
 * @param kind       attribute, relation, turn, instruction, entity, ...
 * @param snippet    the cited text, when the server sends it
 * @param occurredAt when the cited fact or turn happened, when known
 */
public record Citation(String marker, String id, String kind, String snippet, double score, Instant occurredAt) {
}
