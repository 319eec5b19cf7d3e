package dev.spectron.client;

/** 403: the key may not act on this scope or session. */
public final class PermissionDeniedException extends SpectronApiException {
    public PermissionDeniedException(Problem problem) {
        super(problem);
    }
}
