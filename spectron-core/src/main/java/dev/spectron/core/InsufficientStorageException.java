package dev.spectron.core;

/**
 * The store has no room left for a write (507): the disk under the data directory is full. The
 * write was rolled back as a whole, so the caller may retry it unchanged once space is freed;
 * reads keep working meanwhile.
 */
public final class InsufficientStorageException extends SpectronException {
    public InsufficientStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
