package dev.spectron.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Generates key secrets and the hashes stored in their place.
 *
 * <p>Generated secrets carry 256 random bits, so a plain SHA-256 is the right hash: slow password
 * hashes (Argon2, bcrypt) protect low-entropy human passwords and would only add latency to every
 * request. The hash doubles as the lookup index. Keys supplied by an operator through
 * {@code SPECTRON_API_KEY} are hashed the same way; their strength is the operator's choice.
 */
public final class KeySecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecrets() {
    }

    /** A new secret in the upstream format {@code sp-{keyId}-{random}}. */
    public static String newSecret(String keyId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "sp-" + keyId + "-" + HexFormat.of().formatHex(bytes);
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
