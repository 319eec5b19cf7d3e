package dev.spectron.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JSON object in what a model wrote, tolerating what models add around it.
 *
 * <p>In order: {@code <think>…</think>} blocks are dropped (and, for templates that omit the
 * opening tag, everything up to a lone {@code </think>}); the bodies of markdown code fences are
 * searched before the text around them; within a region the first balanced {@code {…}} that is
 * valid JSON wins, with braces inside strings ignored.
 *
 * <p>Traps: an object that never closes (the model hit its token cap) ends the search in its
 * region instead of yielding a nested object, which would be a fragment passed off as the answer.
 * Only syntax is checked, not the schema.
 */
public final class JsonReplyParser {

    private static final Pattern THINK_BLOCK = Pattern.compile("(?is)<think>.*?(</think>|\\z)");
    private static final String THINK_END = "</think>";
    private static final Pattern FENCE = Pattern.compile("```[A-Za-z0-9_-]*[ \\t]*\\R?(.*?)```", Pattern.DOTALL);
    /** Enough of a bad answer to recognise it in an error message or a log line. */
    private static final int EXCERPT_CHARS = 200;

    private JsonReplyParser() {
    }

    /** The first JSON object in {@code reply}, as text, or empty when there is none. */
    public static Optional<String> findObject(String reply) {
        if (reply == null || reply.isBlank()) {
            return Optional.empty();
        }
        String visible = withoutThinking(reply);
        for (String region : regions(visible)) {
            Optional<String> found = firstObjectIn(region);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The first JSON object in {@code reply}.
     *
     * @throws ModelException {@link ModelException.Kind#MALFORMED_OUTPUT} with an excerpt of the reply
     */
    public static String requireObject(String reply, String provider) {
        return findObject(reply).orElseThrow(() -> new ModelException(ModelException.Kind.MALFORMED_OUTPUT, provider,
                "the model's answer holds no valid JSON object: " + excerpt(reply)));
    }

    /** The start of {@code text}, quoted, with line breaks flattened: safe for one log line. */
    public static String excerpt(String text) {
        if (text == null) {
            return "(no text)";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return "\"" + (flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS) + "…") + "\"";
    }

    private static String withoutThinking(String reply) {
        String text = THINK_BLOCK.matcher(reply).replaceAll(" ");
        int end = text.indexOf(THINK_END);
        return end < 0 ? text : text.substring(end + THINK_END.length());
    }

    /** Fenced bodies first: a model that fences its answer often quotes fragments in the prose. */
    private static List<String> regions(String text) {
        List<String> regions = new ArrayList<>();
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            regions.add(fence.group(1));
        }
        regions.add(text);
        return regions;
    }

    private static Optional<String> firstObjectIn(String region) {
        int start = region.indexOf('{');
        while (start >= 0) {
            int end = balancedEnd(region, start);
            if (end < 0) {
                return Optional.empty();
            }
            String candidate = region.substring(start, end + 1);
            if (JsonSyntax.isValid(candidate)) {
                return Optional.of(candidate);
            }
            start = region.indexOf('{', end + 1);
        }
        return Optional.empty();
    }

    /** The index of the brace closing the one at {@code start}, or -1 when it never closes. */
    private static int balancedEnd(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
