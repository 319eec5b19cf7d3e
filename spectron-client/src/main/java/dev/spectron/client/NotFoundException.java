package dev.spectron.client;

/** 404: unknown session, entity, context or route. */
public final class NotFoundException extends SpectronApiException {
    public NotFoundException(Problem problem) {
        super(problem);
    }
}
