package dev.spectron.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spectron.core.chat.ChatExchange;
import dev.spectron.core.chat.ChatRendering;
import dev.spectron.core.chat.ChatService;
import dev.spectron.core.ingest.IngestedTurn;
import dev.spectron.core.model.TokenUsage;
import dev.spectron.core.session.Role;
import dev.spectron.core.session.Turn;
import dev.spectron.server.http.Json;
import dev.spectron.server.memory.DiffJson;
import dev.spectron.server.retrieval.CitationJson;
import dev.spectron.server.session.TurnJson;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chat response on the wire (spectron-api.md §2.2.5, and the seed's field names on its route),
 * and the user step as stored for replay: the session, the user's turn and its diff.
 */
final class ChatJson implements ChatRendering {
    private final boolean seedShape;

    /** @param seedShape the seed's route ({@code memory_updates}) rather than {@code /chat} ({@code memoryUpdates}) */
    ChatJson(boolean seedShape) {
        this.seedShape = seedShape;
    }

    @Override
    public String userStep(IngestedTurn user) {
        return Json.write(new ChatWire.StoredUserStep(user.turn().sessionId(), TurnJson.from(user.turn()), DiffJson.from(null, null, user.diff())));
    }

    @Override
    public ChatExchange.UserStep readUserStep(String stored) {
        JsonNode node = Json.parseStored(stored);
        JsonNode turn = node.path("turn");
        Turn read = new Turn(turn.path("id").asText(), turn.path("sessionId").asText(), turn.path("seq").asLong(),
                Role.parse(turn.path("role").asText()), turn.path("content").asText(), Instant.parse(turn.path("ts").asText()),
                Instant.parse(turn.path("createdAt").asText()));
        return new ChatExchange.UserStep(node.path("sessionId").asText(), read, stored);
    }

    @Override
    public String response(ChatExchange.UserStep user, ChatService.Answer answer, IngestedTurn reply, String modelId) {
        JsonNode diff = combined(Json.parseStored(user.stored()).path("diff"), Json.tree(DiffJson.from(null, null, reply.diff())));
        List<CitationJson> citations = answer.citations().stream().map(CitationJson::from).toList();
        TokenUsage usage = answer.reply().usage();
        ChatWire.Usage tokens = usage.inputTokens() != null || usage.outputTokens() != null
                ? new ChatWire.Usage(usage.inputTokens(), usage.outputTokens()) : null;
        Object body = seedShape
                ? new ChatWire.SessionChatResponse(answer.reply().text(), diff, user.sessionId(), user.turn().id(), reply.turn().id(),
                        answer.traceId(), modelId, citations, tokens)
                : new ChatWire.ChatResponse(answer.reply().text(), diff, user.sessionId(), user.turn().id(), reply.turn().id(),
                        answer.traceId(), modelId, citations, tokens);
        return Json.write(body);
    }

    /**
     * The diff of both turns, the user's first: lists concatenated, extraction failed when either
     * failed, with the stages of both.
     */
    static JsonNode combined(JsonNode user, JsonNode reply) {
        ObjectNode out = ((ObjectNode) user).deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> fields = reply.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isArray()) {
                ArrayNode list = out.withArray(field.getKey());
                list.addAll((ArrayNode) field.getValue());
            }
        }
        JsonNode a = user.path("extraction");
        JsonNode b = reply.path("extraction");
        ObjectNode extraction = out.putObject("extraction");
        extraction.put("status", "failed".equals(a.path("status").asText()) || "failed".equals(b.path("status").asText()) ? "failed" : "ok");
        Set<String> stages = new LinkedHashSet<>();
        a.path("stages").forEach(s -> stages.add(s.asText()));
        b.path("stages").forEach(s -> stages.add(s.asText()));
        stages.forEach(extraction.withArray("stages")::add);
        String error = a.hasNonNull("error") ? a.get("error").asText() : b.hasNonNull("error") ? b.get("error").asText() : null;
        if (error != null) {
            extraction.put("error", error);
        }
        return out;
    }
}
