package dev.spectron.core.session;

import dev.spectron.core.InvalidInputException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One node of the scope hierarchy, e.g. {@code org/acme/user/ada/}. The canonical form ends with
 * {@code /}; the root is {@code /}. Input may omit the trailing slash (spectron-api.md §1.2).
 */
public record ScopePath(String value) implements Comparable<ScopePath> {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.@:+-]{1,128}");
    private static final int MAX_DEPTH = 32;

    public static final ScopePath ROOT = new ScopePath("/");

    public ScopePath {
        if (!"/".equals(value)) {
            List<String> segments = segmentsOf(value);
            value = String.join("/", segments) + "/";
        }
    }

    public static ScopePath parse(String raw) {
        if (raw == null) {
            throw invalid("null", "a scope path must be a string");
        }
        String trimmed = raw.strip();
        if (trimmed.equals("/") ) {
            return ROOT;
        }
        return new ScopePath(trimmed);
    }

    /** A {@code key=value} or {@code key: value} dimension of the older key–value scope form. */
    public static ScopePath ofDimension(String key, String value) {
        return parse(key + "/" + value);
    }

    public List<String> segments() {
        return "/".equals(value) ? List.of() : segmentsOf(value);
    }

    private static List<String> segmentsOf(String raw) {
        String body = raw.startsWith("/") ? raw.substring(1) : raw;
        if (body.endsWith("/")) {
            body = body.substring(0, body.length() - 1);
        }
        if (body.isEmpty()) {
            throw invalid(raw, "a scope path needs at least one segment");
        }
        List<String> segments = List.of(body.split("/", -1));
        if (segments.size() > MAX_DEPTH) {
            throw invalid(raw, "a scope path has at most " + MAX_DEPTH + " segments");
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw invalid(raw, "segment '" + segment + "' must be 1-128 characters of letters, digits, '_', '.', '@', ':', '+' or '-'"
                        + (segment.contains("*") ? " (wildcards belong in grants, not in scopes)" : ""));
            }
        }
        return segments;
    }

    private static InvalidInputException invalid(String raw, String reason) {
        return new InvalidInputException("scopes", "invalid scope path '" + raw + "': " + reason);
    }

    @Override
    public int compareTo(ScopePath other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
