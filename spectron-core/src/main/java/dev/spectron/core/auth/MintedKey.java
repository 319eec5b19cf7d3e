package dev.spectron.core.auth;

/** A key together with its secret, which exists only in this value and is shown to the caller once. */
public record MintedKey(ApiKey key, String secret) {
    @Override
    public String toString() {
        return "MintedKey[" + key.id() + ", secret=***]";
    }
}
