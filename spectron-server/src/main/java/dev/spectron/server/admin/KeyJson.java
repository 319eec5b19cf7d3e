package dev.spectron.server.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spectron.core.auth.ApiKey;
import dev.spectron.core.auth.MintedKey;
import java.time.Instant;

/** A data-plane key on the wire; {@code key} (the secret) is present only right after mint or rotate. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record KeyJson(String id, String name, String context, String key, String createdAt, String validUntil) {
    static KeyJson from(ApiKey key) {
        return new KeyJson(key.id(), key.name(), key.contextId().value(), null, key.createdAt().toString(), text(key.validUntil()));
    }

    static KeyJson from(MintedKey minted) {
        ApiKey key = minted.key();
        return new KeyJson(key.id(), key.name(), key.contextId().value(), minted.secret(), key.createdAt().toString(), text(key.validUntil()));
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
