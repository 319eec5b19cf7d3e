package dev.spectron.server.http;

import dev.spectron.core.Ids;
import io.javalin.http.Context;
import java.time.Instant;

/** Gives every request an id, echoed in {@code X-Request-Id} and in problem bodies, so logs and reports meet. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "spectron.requestId";

    private RequestIds() {
    }

    public static void assign(Context ctx) {
        String id = Ids.newId("req_", Instant.now());
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "unknown" : id;
    }
}
