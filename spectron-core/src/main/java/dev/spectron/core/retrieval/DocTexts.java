package dev.spectron.core.retrieval;

import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.model.ModelProvider;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How memory reads as text, for the full-text and vector indexes and for the context block:
 * a turn as {@code "Ada: I moved to Porto."}, an attribute as {@code "Ada home: Porto (since 2025-05-01)"},
 * a relation as {@code "Ada lives in Porto"}. Pure: the same fact always renders the same way, so
 * its vector can be computed before the write transaction.
 */
public final class DocTexts {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

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

    /** A reply of the builtin model ({@code "[builtin, no LLM configured] Memory holds ..."}): an echo of memory, not memory. */
    public static boolean isBuiltinReply(String content) {
        return content != null && content.stripLeading().startsWith(ModelProvider.BUILTIN_REPLY_LABEL);
    }

    /**
     * A turn that only asks ("Ada: Where do I live?"): every sentence ends in a question mark. A
     * question is no evidence of a fact, so it ranks below statements (issue 16).
     */
    static boolean isQuestion(String text) {
        String stripped = text.strip();
        if (!stripped.endsWith("?")) {
            return false;
        }
        for (String sentence : SENTENCE_END.split(stripped)) {
            if (!sentence.strip().endsWith("?")) {
                return false;
            }
        }
        return true;
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
