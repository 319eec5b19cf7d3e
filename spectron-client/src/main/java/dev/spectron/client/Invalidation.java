package dev.spectron.client;

/** A live fact the turn closed without a replacement ("I no longer ..."). */
public record Invalidation(String id, String entityId, String key, String value) {
}
