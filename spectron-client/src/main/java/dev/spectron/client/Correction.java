package dev.spectron.client;

/** A value that replaced an older one of the same key. */
public record Correction(String entityId, String key, String oldValue, String newValue) {
}
