package dev.spectron.core.retrieval;

import dev.spectron.core.memory.EntityRef;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * How memory reads as text, for the full-text and vector indexes and for the context block:
 * a turn as {@code "Ada: I moved to Porto."}, an attribute as {@code "Ada home: Porto (since 2025-05-01)"},
 * a relation as {@code "Ada lives in Porto"}. Pure: the same fact always renders the same way, so
 * its vector can be computed before the write transaction.
 */
public final class DocTexts {
    private DocTexts() {
    }

    public static String turn(String speaker, String content) {
        return speaker == null || speaker.isBlank() ? content : capitalise(speaker) + ": " + content;
    }

    public static String attribute(EntityRef entity, String key, String value, Instant validFrom) {
        return capitalise(entity.name()) + " " + words(key) + ": " + value + (validFrom == null ? "" : " (since " + date(validFrom) + ")");
    }

    public static String relation(EntityRef subject, String label, EntityRef object) {
        return capitalise(subject.name()) + " " + words(label) + " " + capitalise(object.name());
    }

    public static String entity(EntityRef entity) {
        return capitalise(entity.name()) + " (" + entity.type().wireName() + ")";
    }

    static String words(String key) {
        return key.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    static String date(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String capitalise(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
