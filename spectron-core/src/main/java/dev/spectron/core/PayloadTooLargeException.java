package dev.spectron.core;

/** The request body exceeds the configured limit (413). */
public final class PayloadTooLargeException extends SpectronException {
    public PayloadTooLargeException(String message) {
        super(message);
    }
}
