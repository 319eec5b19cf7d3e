package dev.spectron.client;

/**
 * 5xx: the server (or the model behind it) failed. For chat, 502 means the response model failed
 * (refusal, bad output, auth at the provider) and 503 that it was unavailable; both carry
 * {@link #provider()}, and the user turn stays stored ({@link #userTurnId()}). 502/503/504 are
 * retried automatically on idempotent calls; 500 is not.
 */
public final class ServerException extends SpectronApiException {
    public ServerException(Problem problem) {
        super(problem);
    }

    /** The model provider that failed (chat 502/503), or null. */
    public String provider() {
        return problem().extension("provider");
    }

    /** The stored user turn of a failed chat, or null. */
    public String userTurnId() {
        return problem().extension("userTurnId");
    }

    /** The session of a failed chat, or null. */
    public String sessionId() {
        return problem().extension("sessionId");
    }
}
