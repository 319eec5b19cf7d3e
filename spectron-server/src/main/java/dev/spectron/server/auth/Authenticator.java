package dev.spectron.server.auth;

import dev.spectron.core.InvalidInputException;
import dev.spectron.core.UnauthorizedException;
import dev.spectron.core.auth.ApiKey;
import dev.spectron.core.auth.KeyService;
import dev.spectron.core.context.ContextId;
import io.javalin.http.Context;

/**
 * Reads the presented key ({@code Authorization: Bearer <key>}, or the legacy {@code API-KEY}
 * header) and decides who is calling. Every data-plane rejection looks the same (401), whether the
 * key is unknown, expired, or valid for another context: nothing reveals which contexts exist.
 */
public final class Authenticator {
    private static final String BEARER = "bearer ";

    private final KeyService keys;
    private final ManagementKey managementKey;

    public Authenticator(KeyService keys, ManagementKey managementKey) {
        this.keys = keys;
        this.managementKey = managementKey;
    }

    /** The caller of a {@code /api/v1/{context}/...} route. */
    public Caller dataPlane(Context ctx) {
        String secret = presentedKey(ctx);
        ContextId contextId;
        try {
            contextId = new ContextId(ctx.pathParam("context"));
        } catch (InvalidInputException e) {
            // A malformed context id cannot have keys; answer as for any other wrong key.
            throw new UnauthorizedException("missing, invalid or expired API key for this context");
        }
        ApiKey key = keys.authenticate(contextId, secret);
        return new Caller(contextId, key);
    }

    /** Admits only the management key. */
    public void management(Context ctx) {
        if (!managementKey.matches(presentedKey(ctx))) {
            throw new UnauthorizedException("missing or invalid management API key");
        }
    }

    private static String presentedKey(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        String legacy = ctx.header("API-KEY");
        return legacy == null ? null : legacy.strip();
    }
}
