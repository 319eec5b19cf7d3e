package dev.spectron.core;

/**
 * Root of the failures a caller can act on. Each subtype maps to exactly one HTTP status in the
 * server's problem mapper; code that detects a problem throws and never builds a response itself.
 */
public abstract sealed class SpectronException extends RuntimeException
        permits InvalidInputException, NotFoundException, ConflictException, UnauthorizedException,
                PayloadTooLargeException, UnprocessableException, InsufficientStorageException,
                StoreUnavailableException {

    protected SpectronException(String message) {
        super(message);
    }

    protected SpectronException(String message, Throwable cause) {
        super(message, cause);
    }
}
