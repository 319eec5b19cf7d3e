package dev.spectron.server.memory;

import dev.spectron.core.forget.ForgetQuery;
import dev.spectron.core.forget.Forgetting;
import dev.spectron.core.idempotency.StoredResponse;
import dev.spectron.server.auth.Authenticator;
import dev.spectron.server.auth.Caller;
import dev.spectron.server.http.IdempotentResponder;
import dev.spectron.server.http.Json;
import dev.spectron.server.http.JsonBody;
import dev.spectron.server.http.WireRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code POST /forget} (spectron-api.md §2.2.6): {@code {query, purge?, dryRun?}} → {@code {deleted, ids}}.
 * A dry run writes nothing, so it bypasses the idempotency record, like a {@code /facts} preview.
 */
public final class ForgetRoutes {
    private final Forgetting forgetting;
    private final Authenticator auth;
    private final IdempotentResponder responder;
    private final long maxBodyBytes;

    public ForgetRoutes(Forgetting forgetting, Authenticator auth, IdempotentResponder responder, long maxBodyBytes) {
        this.forgetting = forgetting;
        this.auth = auth;
        this.responder = responder;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/{context}/forget", this::forget);
    }

    private void forget(Context ctx) {
        Caller caller = auth.dataPlane(ctx);
        JsonBody body = JsonBody.of(ctx, maxBodyBytes);
        ForgetQuery query = ForgetQuery.parse(WireRequest.read(body, ForgetWire.Request.class).query());
        var options = WireRequest.read(body, ForgetWire.Options.class);
        boolean purge = Boolean.TRUE.equals(options.purge());
        if (Boolean.TRUE.equals(options.dryRun())) {
            ctx.contentType("application/json").result(Json.write(response(forgetting.preview(caller.contextId(), query, purge), true)));
            return;
        }
        responder.respond(ctx, caller, body.raw(),
                tx -> StoredResponse.of(200, Json.write(response(forgetting.forget(tx, caller.contextId(), query, purge), false))));
    }

    private static ForgetWire.Response response(Forgetting.Outcome outcome, boolean dryRun) {
        return new ForgetWire.Response(outcome.deleted(), outcome.ids(), dryRun ? true : null);
    }
}
