package dev.spectron.server.admin;

import dev.spectron.core.auth.KeyService;
import dev.spectron.core.auth.MintedKey;
import dev.spectron.core.context.ContextId;
import dev.spectron.server.auth.Authenticator;
import dev.spectron.server.http.Json;
import dev.spectron.server.http.JsonBody;
import dev.spectron.server.http.QueryParams;
import dev.spectron.server.http.WireRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;

/**
 * Management of data-plane keys: mint, list, rotate, delete under
 * {@code /api/v1/contexts/{id}/keys}. A secret appears in a response exactly once.
 */
public final class KeyRoutes {
    private static final String KEYS = ContextRoutes.CONTEXT + "/keys";
    private static final String KEY = KEYS + "/{name}";

    private final KeyService keys;
    private final Authenticator auth;
    private final long maxBodyBytes;

    public KeyRoutes(KeyService keys, Authenticator auth, long maxBodyBytes) {
        this.keys = keys;
        this.auth = auth;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void register(RoutesConfig routes) {
        routes.get(KEYS, ctx -> {
            auth.management(ctx);
            ctx.contentType("application/json").result(Json.write(keys.list(contextId(ctx)).stream().map(KeyJson::from).toList()));
        });
        routes.post(KEYS, ctx -> {
            auth.management(ctx);
            var request = WireRequest.read(JsonBody.of(ctx, maxBodyBytes), KeyWire.MintRequest.class);
            minted(ctx, 201, keys.mint(contextId(ctx), request.name(), ttl(request.ttlSeconds(), ctx)));
        });
        routes.post(KEY, ctx -> {
            auth.management(ctx);
            JsonBody.ofOptional(ctx, maxBodyBytes);
            minted(ctx, 201, keys.mint(contextId(ctx), ctx.pathParam("name"), ttl(null, ctx)));
        });
        routes.post(KEY + "/rotate", ctx -> {
            auth.management(ctx);
            minted(ctx, 200, keys.rotate(contextId(ctx), ctx.pathParam("name"), ttl(null, ctx)));
        });
        routes.delete(KEY, ctx -> {
            auth.management(ctx);
            keys.delete(contextId(ctx), ctx.pathParam("name"));
            ctx.status(204);
        });
    }

    private static ContextId contextId(Context ctx) {
        return new ContextId(ctx.pathParam("id"));
    }

    /** From the body, else from {@code ?ttl_seconds=} / {@code ?ttlSeconds=}; absent means no expiry. */
    private static Duration ttl(Long fromBody, Context ctx) {
        Long seconds = fromBody != null ? fromBody : QueryParams.longParam(ctx, "ttl_seconds", "ttlSeconds");
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    private static void minted(Context ctx, int status, MintedKey key) {
        ctx.status(status).contentType("application/json").result(Json.write(KeyJson.from(key)));
    }
}
