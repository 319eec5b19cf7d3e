package dev.spectron.core;

/** The addressed resource does not exist in the caller's context (404). */
public final class NotFoundException extends SpectronException {
    public NotFoundException(String message) {
        super(message);
    }
}
