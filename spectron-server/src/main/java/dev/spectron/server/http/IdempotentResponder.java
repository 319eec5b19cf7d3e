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
        send(ctx, execute(ctx, caller, body, null, prepare, work));
    }

    /** The stored response of this key and body when the request completed before; a 409 when the key was used with another body. */
    public Optional<StoredResponse> replay(Context ctx, Caller caller, byte[] body) {
        return writes.lookup(caller.contextId(), caller.principal(), key(ctx, null), requestHash(ctx, body));
    }

    /**
     * Runs one write of a request without sending it. A request that writes in several steps (a
     * chat: the user turn, then the reply) names each {@code step}; each step is then done at most
     * once per key and body, and a retry replays the steps already done. {@code null} is the
     * request's own key, whose stored response is what {@link #replay} returns.
     */
    public <P> StoredResponse execute(Context ctx, Caller caller, byte[] body, String step, Supplier<P> prepare,
                                      BiFunction<StoreTransaction, P, StoredResponse> work) {
        String requestHash = requestHash(ctx, body);
        Optional<String> key = key(ctx, step);
        return writes.lookup(caller.contextId(), caller.principal(), key, requestHash).orElseGet(() -> {
            P prepared = prepare.get();
            return writes.execute(caller.contextId(), caller.principal(), key, requestHash, tx -> work.apply(tx, prepared));
        });
    }

    private static String requestHash(Context ctx, byte[] body) {
        return KeySecrets.hash(ctx.method() + "\0" + ctx.path() + "\0" + new String(body, StandardCharsets.UTF_8));
    }

    /** A step's key is derived from the caller's: it stays within the key length limit and cannot collide with a caller's key. */
    private static Optional<String> key(Context ctx, String step) {
        Optional<String> key = Optional.ofNullable(ctx.header(KEY_HEADER)).map(IdempotentWrites::checked);
        return step == null ? key : key.map(k -> "step:" + step + ":" + KeySecrets.hash(k));
    }

    public static void send(Context ctx, StoredResponse response) {
        if (response.replayed()) {
            ctx.header(REPLAYED_HEADER, "true");
        }
        ctx.status(response.status()).contentType("application/json").result(response.body());
    }
}
