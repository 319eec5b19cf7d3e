package dev.spectron.models.wire;

/** One message as a provider received it, normalised across wire formats: role system, user or assistant. */
record SentMessage(String role, String text) {

    static SentMessage system(String text) {
        return new SentMessage("system", text);
    }

    static SentMessage user(String text) {
        return new SentMessage("user", text);
    }

    static SentMessage assistant(String text) {
        return new SentMessage("assistant", text);
    }
}
