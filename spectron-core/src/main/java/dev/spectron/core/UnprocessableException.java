package dev.spectron.core;

/** The request is well-formed but asks for something the server refuses, e.g. a reserved context id (422). */
public final class UnprocessableException extends SpectronException {
    public UnprocessableException(String message) {
        super(message);
    }
}
