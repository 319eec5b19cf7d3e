package dev.spectron.client;

/** 401: the API key is missing, unknown, expired, or belongs to another context. */
public final class AuthenticationException extends SpectronApiException {
    public AuthenticationException(Problem problem) {
        super(problem);
    }
}
