package dev.spectron.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.core.ingest.FactIngestion;
import dev.spectron.core.session.Role;
import dev.spectron.core.session.Turn;
import dev.spectron.server.http.Json;
import dev.spectron.server.memory.DiffJson;
import dev.spectron.server.session.TurnJson;
import java.time.Instant;
import java.util.Map;

/**
 * The chat's first write as stored for replay: the session (maybe created by it), the user's turn
 * and its diff. A retry reads it back instead of storing the turn again.
 */
record UserStep(String sessionId, Turn turn, JsonNode diff) {

    static Map<String, Object> from(FactIngestion.FactResult result) {
        return Map.of("sessionId", result.sessionId(), "turn", TurnJson.from(result.turn()),
                "diff", DiffJson.from(null, null, result.diff()));
    }

    static UserStep read(String storedJson) {
        JsonNode node = Json.parseStored(storedJson);
        JsonNode turn = node.path("turn");
        Turn stored = new Turn(turn.path("id").asText(), turn.path("sessionId").asText(), turn.path("seq").asLong(),
                Role.parse(turn.path("role").asText()), turn.path("content").asText(), Instant.parse(turn.path("ts").asText()),
                Instant.parse(turn.path("createdAt").asText()));
        return new UserStep(node.path("sessionId").asText(), stored, node.path("diff"));
    }
}
