package dev.spectron.server.admin;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The bodies of the key routes that take one. */
final class KeyWire {
    private KeyWire() {
    }

    /** {@code POST /contexts/{id}/keys}. Fields in the order they are checked. */
    record MintRequest(@JsonProperty("ttl_seconds") @JsonAlias("ttlSeconds") Long ttlSeconds,
                       @JsonProperty(value = "name", required = true) String name) {
    }
}
