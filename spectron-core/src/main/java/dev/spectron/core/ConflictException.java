package dev.spectron.core;

/** The write collides with existing state: a duplicate name, or an idempotency key reused with another body (409). */
public final class ConflictException extends SpectronException {
    public ConflictException(String message) {
        super(message);
    }
}
