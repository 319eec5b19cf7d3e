package dev.spectron.core.chat;

import dev.spectron.core.model.ModelException;
import java.util.Objects;

/**
 * The response model failed after the chat stored the user's turn. Carries what the caller needs
 * to recover: which turn is stored (a retry with the same {@code Idempotency-Key} reuses it) and
 * the provider's error. Nothing after the user turn was written.
 */
public final class ResponseModelFailure extends RuntimeException {
    private final String sessionId;
    private final String userTurnId;

    public ResponseModelFailure(String sessionId, String userTurnId, ModelException cause) {
        super(cause.provider() + ": " + cause.getMessage() + " (the user turn " + userTurnId + " is stored; no reply was stored)",
                Objects.requireNonNull(cause, "cause"));
        this.sessionId = sessionId;
        this.userTurnId = userTurnId;
    }

    public ModelException modelError() {
        return (ModelException) getCause();
    }

    public String sessionId() {
        return sessionId;
    }

    public String userTurnId() {
        return userTurnId;
    }
}
