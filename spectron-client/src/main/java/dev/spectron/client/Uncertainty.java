package dev.spectron.client;

/** Something memory could not settle, e.g. two conflicting values of similar confidence. */
public record Uncertainty(String about, String reason) {
}
