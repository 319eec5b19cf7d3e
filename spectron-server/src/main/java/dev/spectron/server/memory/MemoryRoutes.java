package dev.spectron.server.memory;

import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.MemoryCategory;
import dev.spectron.core.memory.MemoryQueries;
import dev.spectron.server.auth.Authenticator;
import dev.spectron.server.auth.Caller;
import dev.spectron.server.http.Json;
import dev.spectron.server.http.QueryParams;
import dev.spectron.server.http.Timestamps;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads of structured memory: {@code /state}, {@code /profile}, {@code /entities...} (spectron-api.md §2.2.12-13, §2.4). */
public final class MemoryRoutes {
    private static final String BASE = "/api/v1/{context}";
    private static final String ENTITY = BASE + "/entities/{type}/{name}";

    private final MemoryQueries memory;
    private final Authenticator auth;

    public MemoryRoutes(MemoryQueries memory, Authenticator auth) {
        this.memory = memory;
        this.auth = auth;
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE + "/state", this::state);
        routes.post(BASE + "/state", this::state);
        routes.get(BASE + "/profile", this::profile);
        routes.get(BASE + "/entities", this::entities);
        routes.get(ENTITY, this::entity);
        routes.delete(ENTITY, this::deleteEntity);
        routes.get(ENTITY + "/history/{key}", this::history);
        routes.get(ENTITY + "/attributes/{key}/history", this::history);
    }

    private void state(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        MemoryQueries.State state = memory.state(caller.contextId());
        Map<String, Entity> entities = state.entitiesById();
        Map<String, Object> body = new LinkedHashMap<>();
        for (MemoryCategory category : MemoryCategory.values()) {
            body.put(category.wireName(), Map.of(
                    "entities", state.entities().stream().filter(e -> e.category() == category).map(e -> MemoryJson.entity(e, null)).toList(),
                    "attributes", state.attributes().stream().filter(a -> a.category() == category)
                            .map(a -> MemoryJson.attribute(a, pathOf(entities, a))).toList(),
                    "relations", state.relations().stream().filter(r -> r.relation().category() == category)
                            .map(r -> MemoryJson.relation(r.relation(), r.subject(), r.object())).toList()));
        }
        body.put("instructions", state.instructions().stream().map(MemoryJson::instruction).toList());
        body.put("unknowns", state.unknowns().stream().map(MemoryJson::uncertainty).toList());
        send(ctx, body);
    }

    /** static = identity, dynamic = context, preferences = knowledge (spectron-internals.md §4.7). */
    private void profile(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        MemoryQueries.State state = memory.state(caller.contextId());
        Map<String, Entity> entities = state.entitiesById();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("static", items(state.attributes(), MemoryCategory.IDENTITY, entities));
        body.put("dynamic", items(state.attributes(), MemoryCategory.CONTEXT, entities));
        body.put("preferences", items(state.attributes(), MemoryCategory.KNOWLEDGE, entities));
        body.put("instructions", state.instructions().stream().map(MemoryJson::instruction).toList());
        send(ctx, body);
    }

    private void entities(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        int limit = QueryParams.intParam(ctx, MemoryQueries.MAX_ENTITY_PAGE, "limit");
        int offset = QueryParams.intParam(ctx, 0, "offset");
        List<Entity> page = memory.entities(caller.contextId(), ctx.queryParam("type"), limit, offset);
        send(ctx, Map.of("entities", page.stream().map(e -> MemoryJson.entity(e, null)).toList()));
    }

    private void entity(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        MemoryQueries.EntityView view = memory.entity(caller.contextId(), ref(ctx), asOf(ctx));
        String path = view.entity().ref().path();
        send(ctx, Map.of("entity", MemoryJson.entity(view.entity(), null),
                "attributes", view.attributes().stream().map(a -> MemoryJson.attribute(a, path)).toList(),
                "relations", view.relations().stream().map(r -> MemoryJson.relation(r.relation(), r.subject(), r.object())).toList()));
    }

    private void history(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        EntityRef ref = ref(ctx);
        List<Attribute> history = memory.history(caller.contextId(), ref, ctx.pathParam("key"));
        send(ctx, Map.of("history", history.stream().map(a -> MemoryJson.attribute(a, ref.path())).toList()));
    }

    private void deleteEntity(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        memory.deleteEntity(caller.contextId(), ref(ctx));
        ctx.status(204);
    }

    private static List<Map<String, Object>> items(List<Attribute> attributes, MemoryCategory category, Map<String, Entity> entities) {
        return attributes.stream().filter(a -> a.category() == category).map(a -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", a.key());
            item.put("value", a.value());
            item.put("entity", pathOf(entities, a));
            return item;
        }).toList();
    }

    private static String pathOf(Map<String, Entity> entities, Attribute attribute) {
        Entity entity = entities.get(attribute.entityId());
        return entity == null ? null : entity.ref().path();
    }

    private static EntityRef ref(Context ctx) {
        return EntityRef.of(ctx.pathParam("type"), ctx.pathParam("name"));
    }

    /** {@code asOf} (or {@code as_of}): an RFC 3339 known time. */
    private static Instant asOf(Context ctx) {
        String raw = ctx.queryParam("asOf") != null ? ctx.queryParam("asOf") : ctx.queryParam("as_of");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Timestamps.parse("asOf", raw);
    }

    private static void send(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.write(body));
    }
}
