package dev.spectron.client;

/** 400 or 422: the request was refused as invalid; {@link #field()} names the offending input when known. */
public final class ValidationException extends SpectronApiException {
    public ValidationException(Problem problem) {
        super(problem);
    }

    /** The offending request field, or null. */
    public String field() {
        return problem().field();
    }
}
