package dev.spectron.client;

/**
 * Provenance of a fact.
 *
 * @param kind      turn, document, upsert, reflect, elaboration or consolidation
 * @param ref       e.g. {@code turn:turn_01...}
 * @param sessionId the session of the source turn, when there is one
 */
public record Source(String kind, String ref, String sessionId) {
}
