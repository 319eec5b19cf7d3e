package dev.spectron.server.auth;

import dev.spectron.core.auth.ApiKey;
import dev.spectron.core.context.ContextId;

/** An authenticated data-plane caller: the context it may act in and the key it used. */
public record Caller(ContextId contextId, ApiKey key) {
    /** What idempotency keys are scoped to, besides the context. */
    public String principal() {
        return key.id();
    }
}
