package dev.spectron.server.health;

import dev.spectron.core.port.MemoryStore;
import dev.spectron.server.http.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Liveness without auth: {@code GET /api/v1/health} (and {@code /health} for older health checks).
 * 200 when the database takes queries, 503 when it does not: a load balancer then sends no traffic
 * to a node whose database is down. Bounded: the store answers {@link MemoryStore#reachable} within
 * about two seconds, so a health check never hangs on a dead database.
 */
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
        boolean up = store.reachable();
        ctx.status(up ? 200 : 503).contentType("application/json")
                .result(Json.write(new Health(up ? "ok" : "unavailable", version, store.backend())));
    }
}
