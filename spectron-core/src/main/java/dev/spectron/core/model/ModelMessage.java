package dev.spectron.core.model;

import java.util.Objects;

/** One message of the conversation sent to a model. The system prompt travels apart, in {@link ModelRequest}. */
public record ModelMessage(Role role, String text) {

    /** Who said it. There is no system role here: providers place the system prompt differently. */
    public enum Role { USER, ASSISTANT }

    public ModelMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    public static ModelMessage user(String text) {
        return new ModelMessage(Role.USER, text);
    }

    public static ModelMessage assistant(String text) {
        return new ModelMessage(Role.ASSISTANT, text);
    }
}
