package dev.spectron.core;

/**
 * The key is missing, unknown, expired or belongs to another context (401). The message is the
 * same for all of these on purpose: a caller must not learn which contexts exist.
 */
public final class UnauthorizedException extends SpectronException {
    public UnauthorizedException(String message) {
        super(message);
    }
}
