package dev.spectron.server.memory;

import dev.spectron.core.InvalidInputException;
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
        send(ctx, new MemoryWire.StateResponse(facts(state, entities, MemoryCategory.IDENTITY), facts(state, entities, MemoryCategory.KNOWLEDGE),
                facts(state, entities, MemoryCategory.CONTEXT), state.instructions().stream().map(MemoryJson::instruction).toList(),
                state.unknowns().stream().map(MemoryJson::uncertainty).toList()));
    }

    /** static = identity, dynamic = context, preferences = knowledge, about people only ({@link MemoryQueries#profile}). */
    private void profile(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        MemoryQueries.Profile profile = memory.profile(caller.contextId());
        send(ctx, new MemoryWire.ProfileResponse(items(profile.staticItems(), profile.owners()), items(profile.dynamic(), profile.owners()),
                items(profile.preferences(), profile.owners()), profile.instructions().stream().map(MemoryJson::instruction).toList()));
    }

    private void entities(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        int limit = QueryParams.intParam(ctx, MemoryQueries.MAX_ENTITY_PAGE, "limit");
        int offset = QueryParams.intParam(ctx, 0, "offset");
        List<Entity> page = memory.entities(caller.contextId(), ctx.queryParam("type"), limit, offset);
        send(ctx, new MemoryWire.EntityList(page.stream().map(e -> MemoryJson.entity(e, null)).toList()));
    }

    private void entity(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        MemoryQueries.EntityView view = memory.entity(caller.contextId(), ref(ctx), asOf(ctx));
        String path = view.entity().ref().path();
        send(ctx, new MemoryWire.EntityResponse(MemoryJson.entity(view.entity(), null),
                view.attributes().stream().map(a -> MemoryJson.attribute(a, path)).toList(),
                view.relations().stream().map(r -> MemoryJson.relation(r.relation(), r.subject(), r.object())).toList()));
    }

    private void history(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        EntityRef ref = ref(ctx);
        List<Attribute> history = memory.history(caller.contextId(), ref, ctx.pathParam("key"));
        send(ctx, new MemoryWire.History(history.stream().map(a -> MemoryJson.attribute(a, ref.path())).toList()));
    }

    private void deleteEntity(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        memory.deleteEntity(caller.contextId(), ref(ctx));
        ctx.status(204);
    }

    private static MemoryWire.Facts facts(MemoryQueries.State state, Map<String, Entity> entities, MemoryCategory category) {
        return new MemoryWire.Facts(
                state.entities().stream().filter(e -> e.category() == category).map(e -> MemoryJson.entity(e, null)).toList(),
                state.attributes().stream().filter(a -> a.category() == category).map(a -> MemoryJson.attribute(a, pathOf(entities, a))).toList(),
                state.relations().stream().filter(r -> r.relation().category() == category)
                        .map(r -> MemoryJson.relation(r.relation(), r.subject(), r.object())).toList());
    }

    private static List<MemoryWire.ProfileItem> items(List<Attribute> attributes, Map<String, Entity> entities) {
        return attributes.stream().map(a -> new MemoryWire.ProfileItem(a.key(), a.value(), pathOf(entities, a))).toList();
    }

    private static String pathOf(Map<String, Entity> entities, Attribute attribute) {
        Entity entity = entities.get(attribute.entityId());
        return entity == null ? null : entity.ref().path();
    }

    private static EntityRef ref(Context ctx) {
        String name = ctx.pathParam("name");
        if (name.isBlank()) {
            throw new InvalidInputException("name", "the entity name in /entities/{type}/{name} must not be blank");
        }
        return EntityRef.of(ctx.pathParam("type"), name);
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
