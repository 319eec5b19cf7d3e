package dev.spectron.server.admin;

import dev.spectron.core.InvalidInputException;
import dev.spectron.core.NotFoundException;
import dev.spectron.core.context.Context;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.context.ContextService;
import dev.spectron.core.retrieval.Reembedder;
import dev.spectron.server.auth.Authenticator;
import dev.spectron.server.http.Json;
import dev.spectron.server.http.JsonBody;
import dev.spectron.server.http.WireRequest;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** Management of contexts: {@code /api/v1/contexts...} with the management key (spectron-api.md §2.8). */
public final class ContextRoutes {
    static final String CONTEXTS = "/api/v1/contexts";
    static final String CONTEXT = CONTEXTS + "/{id}";

    private final ContextService contexts;
    private final Reembedder reembedder;
    private final Authenticator auth;
    private final long maxBodyBytes;

    public ContextRoutes(ContextService contexts, Reembedder reembedder, Authenticator auth, long maxBodyBytes) {
        this.contexts = contexts;
        this.reembedder = reembedder;
        this.auth = auth;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void register(RoutesConfig routes) {
        routes.get(CONTEXTS, ctx -> {
            auth.management(ctx);
            ctx.contentType("application/json").result(Json.write(new ContextWire.ContextList(contexts.list().stream().map(ContextJson::from).toList())));
        });
        routes.post(CONTEXTS, ctx -> {
            auth.management(ctx);
            var request = WireRequest.read(JsonBody.of(ctx, maxBodyBytes), ContextWire.CreateRequest.class);
            created(ctx, create(ContextId.forNewContext(request.id()), request.description(), request.config()));
        });
        routes.post(CONTEXT, ctx -> {
            auth.management(ctx);
            var request = WireRequest.read(JsonBody.ofOptional(ctx, maxBodyBytes), ContextWire.CreateAtPathRequest.class);
            created(ctx, create(ContextId.forNewContext(ctx.pathParam("id")), request.description(), request.config()));
        });
        routes.get(CONTEXT, ctx -> {
            auth.management(ctx);
            send(ctx, contexts.get(new ContextId(ctx.pathParam("id"))));
        });
        routes.patch(CONTEXT, ctx -> {
            auth.management(ctx);
            Map<String, Object> patch = WireRequest.read(JsonBody.of(ctx, maxBodyBytes), ContextWire.PatchRequest.class).config();
            if (patch == null) {
                throw new InvalidInputException("config", "field 'config' is required: the configuration to deep-merge");
            }
            send(ctx, contexts.patchConfig(new ContextId(ctx.pathParam("id")), patch));
        });
        routes.post(CONTEXT + "/lifecycle/reindex", ctx -> {
            auth.management(ctx);
            ContextId id = new ContextId(ctx.pathParam("id"));
            contexts.get(id);
            ctx.status(202);
            progress(ctx, reembedder.start(id));
        });
        routes.get(CONTEXT + "/lifecycle/reindex", ctx -> {
            auth.management(ctx);
            ContextId id = new ContextId(ctx.pathParam("id"));
            contexts.get(id);
            progress(ctx, reembedder.progress(id).orElseThrow(() -> new NotFoundException("no re-embedding has run for context '" + id + "'")));
        });
        routes.delete(CONTEXT, ctx -> {
            auth.management(ctx);
            contexts.delete(new ContextId(ctx.pathParam("id")));
            ctx.status(204);
        });
    }

    private Context create(ContextId id, String description, Map<String, Object> config) {
        return contexts.create(id, description == null ? "" : description, config == null ? Map.of() : config);
    }

    private static void progress(io.javalin.http.Context ctx, Reembedder.Progress p) {
        ctx.contentType("application/json").result(Json.write(ContextWire.ReindexProgress.from(p)));
    }

    private static void created(io.javalin.http.Context ctx, Context context) {
        ctx.status(201);
        send(ctx, context);
    }

    private static void send(io.javalin.http.Context ctx, Context context) {
        ctx.contentType("application/json").result(Json.write(ContextJson.from(context)));
    }
}
