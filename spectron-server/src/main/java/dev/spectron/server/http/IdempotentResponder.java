package dev.spectron.server.http;

import dev.spectron.core.auth.KeySecrets;
import dev.spectron.core.idempotency.IdempotentWrites;
import dev.spectron.core.idempotency.StoredResponse;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.server.auth.Caller;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends the outcome of a data-plane write, honouring {@code Idempotency-Key}. The request hash
 * covers method, path and body, so the same key on another route or with another body is a 409.
 */
public final class IdempotentResponder {
    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final IdempotentWrites writes;

    public IdempotentResponder(IdempotentWrites writes) {
        this.writes = writes;
    }

    public void respond(Context ctx, Caller caller, byte[] body, Function<StoreTransaction, StoredResponse> work) {
        respond(ctx, caller, body, () -> null, (tx, nothing) -> work.apply(tx));
    }

    /**
     * Like {@link #respond(Context, Caller, byte[], Function)}, with a {@code prepare} step that runs
     * outside the transaction (extraction, model calls) and is skipped when the request is a replay.
     */
    public <P> void respond(Context ctx, Caller caller, byte[] body, Supplier<P> prepare, BiFunction<StoreTransaction, P, StoredResponse> work) {
        send(ctx, execute(ctx, caller, body, prepare, work));
    }

    /**
     * Runs one write without sending it; the building block of {@link #respond}.
     */
    private <P> StoredResponse execute(Context ctx, Caller caller, byte[] body, Supplier<P> prepare,
                                       BiFunction<StoreTransaction, P, StoredResponse> work) {
        String requestHash = requestHash(ctx, body);
        Optional<String> key = key(ctx);
        return writes.lookup(caller.contextId(), caller.principal(), key, requestHash).orElseGet(() -> {
            P prepared = prepare.get();
            return writes.execute(caller.contextId(), caller.principal(), key, requestHash, tx -> work.apply(tx, prepared));
        });
    }

    /** What identifies a request under its key: method, path and body. */
    public static String requestHash(Context ctx, byte[] body) {
        return KeySecrets.hash(ctx.method() + "\0" + ctx.path() + "\0" + new String(body, StandardCharsets.UTF_8));
    }

    /** The request's {@code Idempotency-Key}, checked (a 400 when malformed); empty when it has none. */
    public static Optional<String> key(Context ctx) {
        return Optional.ofNullable(ctx.header(KEY_HEADER)).map(IdempotentWrites::checked);
    }

    public static void send(Context ctx, StoredResponse response) {
        if (response.replayed()) {
            ctx.header(REPLAYED_HEADER, "true");
        }
        ctx.status(response.status()).contentType("application/json").result(response.body());
    }
}
