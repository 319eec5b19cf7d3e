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
import dev.spectron.server.http.WireRequest;
import dev.spectron.server.memory.DiffJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        var wire = WireRequest.read(body, FactsWire.RememberRequest.class);
        Mode mode = mode(wire.infer());
        var request = new FactIngestion.FactRequest(caller.contextId(), wire.sessionId(), ScopeSet.parse(wire.scopes()),
                Role.parse(wire.role() == null ? "user" : wire.role()), wire.text(), mode,
                wire.memoryCategory() == null ? null : category(wire.memoryCategory()), triples(wire.triples()),
                wire.observedAt() == null ? null : Timestamps.parse("observed_at", wire.observedAt()));
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
        var wire = WireRequest.read(body, FactsWire.RememberManyRequest.class);
        String extract = wire.extract() == null ? "whole_conversation" : wire.extract();
        if (!extract.equals("whole_conversation") && !extract.equals("per_message")) {
            throw new InvalidInputException("extract", "extract must be 'whole_conversation' or 'per_message'; got '" + extract + "'");
        }
        Mode mode = mode(wire.infer());
        if (mode == Mode.TRIPLES || mode == Mode.PREVIEW) {
            throw new InvalidInputException("infer", "/facts/batch takes infer 'full' or 'none'; got '" + mode.name().toLowerCase(Locale.ROOT) + "'");
        }
        var request = new FactIngestion.BatchRequest(caller.contextId(), wire.sessionId(), ScopeSet.parse(wire.scopes()),
                messages(wire.messages()), extract.equals("per_message"), mode);
        double floor = contexts.get(caller.contextId()).config().confidenceFloor();
        responder.respond(ctx, caller, body.raw(), () -> facts.prepare(request), (tx, prepared) -> {
            FactIngestion.BatchResult result = facts.commit(tx, prepared, floor);
            String lastTurn = result.turns().get(result.turns().size() - 1).id();
            return StoredResponse.of(200, Json.write(new FactsWire.RememberManyResponse(result.sessionId(),
                    result.turns().stream().map(t -> t.id()).toList(),
                    mode == Mode.NONE ? List.of() : result.extractions().stream().map(diff -> DiffJson.from(lastTurn, null, diff)).toList())));
        });
    }

    private static FactsWire.RememberResponse response(FactIngestion.FactResult result, boolean preview) {
        return new FactsWire.RememberResponse(result.mode().name().toLowerCase(Locale.ROOT), result.sessionId(),
                result.turn() != null && !preview ? result.turn().id() : null,
                result.mode() == Mode.NONE ? result.turn().id() : null,
                preview ? true : null,
                result.diff() == null ? null : DiffJson.from(result.turn() == null || preview ? null : result.turn().id(), null, result.diff()));
    }

    private static Mode mode(String infer) {
        String raw = infer == null ? "full" : infer;
        try {
            return Mode.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("infer", "infer must be one of full, triples, preview, none; got '" + raw + "'");
        }
    }

    private static MemoryCategory category(String raw) {
        for (MemoryCategory category : MemoryCategory.values()) {
            if (category.wireName().equals(raw)) {
                return category;
            }
        }
        throw new InvalidInputException("memory_category", "memory_category must be identity, knowledge or context; got '" + raw + "'");
    }

    private static List<Triple> triples(JsonNode array) {
        List<Triple> triples = new ArrayList<>();
        if (array == null || array.isNull()) {
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

    private static List<NewTurn> messages(JsonNode array) {
        if (array == null || array.isNull()) {
            throw new InvalidInputException("messages", "field 'messages' is required");
        }
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
