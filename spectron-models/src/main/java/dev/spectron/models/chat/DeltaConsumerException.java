package dev.spectron.models.chat;

/**
 * Carries an exception thrown by the caller's delta consumer past the exception mapper and the
 * retrier, which would otherwise blame the provider and retry; unwrapped before it leaves the model.
 */
final class DeltaConsumerException extends RuntimeException {

    DeltaConsumerException(RuntimeException cause) {
        super(cause);
    }

    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
