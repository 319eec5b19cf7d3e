package dev.spectron.server.auth;

import dev.spectron.core.auth.KeySecrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The control-plane key, held only as its hash. */
public final class ManagementKey {
    private final byte[] hash;

    public ManagementKey(String secretHash) {
        this.hash = secretHash.getBytes(StandardCharsets.US_ASCII);
    }

    public boolean matches(String presented) {
        if (presented == null || presented.isBlank()) {
            return false;
        }
        byte[] candidate = KeySecrets.hash(presented).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(hash, candidate);
    }
}
