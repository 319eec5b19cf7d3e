package dev.spectron.core.retrieval;

import dev.spectron.core.session.ScopeSet;
import java.time.Instant;
import java.util.Locale;

/**
 * One retrievable item: a turn, a fact rendered as a sentence, or an entity. {@code refId} names
 * what it stands for (so a superseded fact's document can be left out) and {@code turnId} where it
 * came from (provenance, citations, benchmark evidence).
 */
public record SearchDoc(String id, Kind kind, String refId, String sessionId, String turnId, String role, String speaker, String text,
                        ScopeSet scopes, double importance, Instant occurredAt, Instant createdAt) {
    public enum Kind {
        TURN, ATTRIBUTE, RELATION, ENTITY;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
