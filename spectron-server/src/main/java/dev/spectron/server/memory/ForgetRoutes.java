package dev.spectron.server.memory;

import dev.spectron.core.forget.ForgetQuery;
import dev.spectron.core.forget.Forgetting;
import dev.spectron.core.idempotency.StoredResponse;
import dev.spectron.server.auth.Authenticator;
import dev.spectron.server.auth.Caller;
import dev.spectron.server.http.IdempotentResponder;
import dev.spectron.server.http.Json;
import dev.spectron.server.http.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

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
        ForgetQuery query = ForgetQuery.parse(body.requiredText("query"));
        boolean purge = body.optionalBoolean("purge").orElse(false);
        if (body.optionalBoolean("dryRun", "dry_run").orElse(false)) {
            ctx.contentType("application/json").result(Json.write(response(forgetting.preview(caller.contextId(), query, purge), true)));
            return;
        }
        responder.respond(ctx, caller, body.raw(),
                tx -> StoredResponse.of(200, Json.write(response(forgetting.forget(tx, caller.contextId(), query, purge), false))));
    }

    private static Map<String, Object> response(Forgetting.Outcome outcome, boolean dryRun) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("deleted", outcome.deleted());
        out.put("ids", outcome.ids());
        if (dryRun) {
            out.put("dryRun", true);
        }
        return out;
    }
}
