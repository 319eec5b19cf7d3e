package dev.spectron.server.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spectron.core.session.Session;
import java.util.List;
import java.util.Map;

/**
 * A session on the wire: {@code scopes} in the canonical DNF form, plus {@code scope} in the
 * seed's key–value form whenever the scope has one (spectron-api.md §2.3, §1.2).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SessionJson(String id, List<List<String>> scopes, Map<String, String> scope, Map<String, Object> metadata, String createdAt) {
    static SessionJson from(Session session) {
        return new SessionJson(session.id(), session.scopes().asStrings(), session.scopes().asDimensions().orElse(null),
                session.metadata(), session.createdAt().toString());
    }
}
