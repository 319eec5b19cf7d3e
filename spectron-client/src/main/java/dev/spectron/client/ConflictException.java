package dev.spectron.client;

/** 409: an {@code Idempotency-Key} reused with another body (or still in flight), or a duplicate name. */
public final class ConflictException extends SpectronApiException {
    public ConflictException(Problem problem) {
        super(problem);
    }
}
