package dev.spectron.server.session;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The bodies of the session routes (the seed's {@code session.*}, spectron-api.md §2.3). */
final class SessionWire {
    private SessionWire() {
    }

    /** {@code POST /sessions}: {@code scopes} in any form {@code ScopeSet.parse} reads. */
    record CreateRequest(@JsonProperty("scopes") @JsonAlias("scope") Object scopes, Map<String, Object> metadata) {
    }

    /** {@code POST /sessions/{id}/turns}: {@code ts} is RFC 3339, when the turn was said. */
    record TurnRequest(@JsonProperty(value = "role", required = true) String role,
                       @JsonProperty(value = "content", required = true) String content,
                       @JsonProperty("ts") @JsonAlias({"timestamp", "observed_at", "observedAt"}) String ts) {
    }

    /** {@code GET /sessions}. */
    record SessionList(List<SessionJson> sessions) {
    }

    /** {@code GET /sessions/{id}/turns}. */
    record TurnList(List<TurnJson> turns) {
    }
}
