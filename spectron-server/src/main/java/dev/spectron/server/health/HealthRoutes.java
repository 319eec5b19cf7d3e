package dev.spectron.server.health;

import dev.spectron.core.port.MemoryStore;
import dev.spectron.server.http.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Liveness without auth: {@code GET /api/v1/health} (and {@code /health} for older health checks). */
public final class HealthRoutes {
    private final MemoryStore store;
    private final String version;

    public HealthRoutes(MemoryStore store, String version) {
        this.store = store;
        this.version = version;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/health", this::health);
        routes.get("/health", this::health);
    }

    /** {@code GET /health}: up, which version, on which store. */
    record Health(String status, String version, String store) {
    }

    private void health(Context ctx) {
        // A read proves the database answers, not only that the process is up.
        store.read(tx -> tx.settings().get("bootstrapped_at"));
        ctx.contentType("application/json").result(Json.write(new Health("ok", version, store.backend())));
    }
}
