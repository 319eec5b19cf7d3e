package dev.spectron.examples;

import dev.spectron.client.Spectron;

/** The examples' client: {@code SPECTRON_URL} / {@code SPECTRON_API_KEY}, or the system properties {@code spectron.url} / {@code spectron.apiKey}. */
final class Clients {
    private Clients() {
    }

    static Spectron fromEnvironment() {
        // Null values fall back to SPECTRON_URL / SPECTRON_API_KEY, then to http://localhost:9090.
        return Spectron.builder().baseUrl(System.getProperty("spectron.url")).apiKey(System.getProperty("spectron.apiKey")).build();
    }

    static String contextId() {
        String fromProperty = System.getProperty("spectron.context");
        String fromEnv = System.getenv("SPECTRON_CONTEXT");
        return fromProperty != null ? fromProperty : fromEnv != null ? fromEnv : "default";
    }

    static String user() {
        String user = System.getProperty("spectron.user");
        return user != null ? user : "ada";
    }
}
