package dev.spectron.server.facts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.core.InvalidInputException;
import dev.spectron.core.context.ContextService;
import dev.spectron.core.extraction.Triple;
import dev.spectron.core.idempotency.StoredResponse;
import dev.spectron.core.ingest.FactIngestion;
import dev.spectron.core.ingest.FactIngestion.Mode;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.MemoryCategory;
import dev.spectron.core.session.NewTurn;
import dev.spectron.core.session.Role;
import dev.spectron.core.session.ScopeSet;
import dev.spectron.server.auth.Authenticator;
import dev.spectron.server.auth.Caller;
import dev.spectron.server.http.IdempotentResponder;
import dev.spectron.server.http.Json;
import dev.spectron.server.http.JsonBody;
import dev.spectron.server.http.Timestamps;
import dev.spectron.server.memory.DiffJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code POST /facts} (remember) and {@code POST /facts/batch} (remember_many), spectron-api.md §2.2.1-2.2.2. */
public final class FactsRoutes {
    private final FactIngestion facts;
    private final ContextService contexts;
    private final Authenticator auth;
    private final IdempotentResponder responder;
    private final long maxBodyBytes;

    public FactsRoutes(FactIngestion facts, ContextService contexts, Authenticator auth, IdempotentResponder responder, long maxBodyBytes) {
        this.facts = facts;
        this.contexts = contexts;
        this.auth = auth;
        this.responder = responder;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/{context}/facts", this::remember);
        routes.post("/api/v1/{context}/facts/batch", this::rememberMany);
    }

    private void remember(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        JsonBody body = JsonBody.of(ctx, maxBodyBytes);
        Mode mode = mode(body);
        var request = new FactIngestion.FactRequest(caller.contextId(), body.optionalText("session_id", "sessionId").orElse(null),
                scopes(body), Role.parse(body.optionalText("role").orElse("user")), body.optionalText("text").orElse(null), mode,
                body.optionalText("memory_category", "memoryCategory").map(FactsRoutes::category).orElse(null), triples(body),
                body.optionalText("observed_at", "observedAt").map(raw -> Timestamps.parse("observed_at", raw)).orElse(null));
        double floor = contexts.get(caller.contextId()).config().confidenceFloor();
        if (mode == Mode.PREVIEW) {
            FactIngestion.FactResult result = facts.rehearse(facts.prepare(request), floor);
            ctx.contentType("application/json").result(Json.write(response(result, true)));
            return;
        }
        responder.respond(ctx, caller, body.raw(), () -> facts.prepare(request),
                (tx, prepared) -> StoredResponse.of(200, Json.write(response(facts.commit(tx, prepared, floor), false))));
    }

    private void rememberMany(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        JsonBody body = JsonBody.of(ctx, maxBodyBytes);
        String extract = body.optionalText("extract").orElse("whole_conversation");
        if (!extract.equals("whole_conversation") && !extract.equals("per_message")) {
            throw new InvalidInputException("extract", "extract must be 'whole_conversation' or 'per_message'; got '" + extract + "'");
        }
        Mode mode = mode(body);
        if (mode == Mode.TRIPLES || mode == Mode.PREVIEW) {
            throw new InvalidInputException("infer", "/facts/batch takes infer 'full' or 'none'; got '" + mode.name().toLowerCase(Locale.ROOT) + "'");
        }
        var request = new FactIngestion.BatchRequest(caller.contextId(), body.optionalText("session_id", "sessionId").orElse(null),
                scopes(body), messages(body), extract.equals("per_message"), mode);
        double floor = contexts.get(caller.contextId()).config().confidenceFloor();
        responder.respond(ctx, caller, body.raw(), () -> facts.prepare(request), (tx, prepared) -> {
            FactIngestion.BatchResult result = facts.commit(tx, prepared, floor);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("sessionId", result.sessionId());
            out.put("turnIds", result.turns().stream().map(t -> t.id()).toList());
            out.put("extractions", mode == Mode.NONE ? List.of() : result.extractions().stream()
                    .map(diff -> DiffJson.from(result.turns().get(result.turns().size() - 1).id(), null, diff)).toList());
            return StoredResponse.of(200, Json.write(out));
        });
    }

    private static Map<String, Object> response(FactIngestion.FactResult result, boolean preview) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", result.mode().name().toLowerCase(Locale.ROOT));
        out.put("sessionId", result.sessionId());
        if (result.turn() != null && !preview) {
            out.put("turnId", result.turn().id());
        }
        if (result.mode() == Mode.NONE) {
            out.put("chunkId", result.turn().id());
        }
        if (preview) {
            out.put("preview", true);
        }
        if (result.diff() != null) {
            out.put("extraction", DiffJson.from(result.turn() == null || preview ? null : result.turn().id(), null, result.diff()));
        }
        return out;
    }

    private static Mode mode(JsonBody body) {
        String raw = body.optionalText("infer").orElse("full");
        try {
            return Mode.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("infer", "infer must be one of full, triples, preview, none; got '" + raw + "'");
        }
    }

    private static ScopeSet scopes(JsonBody body) {
        return ScopeSet.parse(body.field("scopes", "scope").map(Json::toPlain).orElse(null));
    }

    private static MemoryCategory category(String raw) {
        for (MemoryCategory category : MemoryCategory.values()) {
            if (category.wireName().equals(raw)) {
                return category;
            }
        }
        throw new InvalidInputException("memory_category", "memory_category must be identity, knowledge or context; got '" + raw + "'");
    }

    private static List<Triple> triples(JsonBody body) {
        List<Triple> triples = new ArrayList<>();
        JsonNode array = body.field("triples").orElse(null);
        if (array == null) {
            return triples;
        }
        if (!array.isArray()) {
            throw new InvalidInputException("triples", "field 'triples' must be a list");
        }
        for (JsonNode node : array) {
            JsonNode value = node.get("value");
            triples.add(new Triple(entity(node.get("entity"), "entity"), text(node, "key"),
                    value == null || value.isNull() ? null : value.asText(), node.hasNonNull("target") ? entity(node.get("target"), "target") : null,
                    node.hasNonNull("memory_category") ? category(node.get("memory_category").asText()) : MemoryCategory.KNOWLEDGE));
        }
        return triples;
    }

    private static EntityRef entity(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("triples", "every triple needs '" + field + "': {type, name}");
        }
        return EntityRef.of(text(node, "type"), text(node, "name"));
    }

    private static List<NewTurn> messages(JsonBody body) {
        JsonNode array = body.field("messages").orElseThrow(() -> new InvalidInputException("messages", "field 'messages' is required"));
        if (!array.isArray()) {
            throw new InvalidInputException("messages", "field 'messages' must be a list of {role, content, ts?}");
        }
        List<NewTurn> messages = new ArrayList<>();
        for (JsonNode node : array) {
            messages.add(new NewTurn(Role.parse(text(node, "role")), text(node, "content"),
                    node.hasNonNull("ts") ? Timestamps.parse("ts", node.get("ts").asText()) : null));
        }
        return messages;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidInputException(field, "field '" + field + "' is required and must be a non-empty string");
        }
        return value.asText();
    }
}
