package dev.spectron.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.core.InvalidInputException;
import dev.spectron.core.PayloadTooLargeException;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * A request's JSON object body, read within the size limit, with precise errors for a body that is
 * empty, malformed or not an object, or that holds text no store keeps exactly (see
 * {@link #refuseUnstorableText}). Routes read it into their wire record with
 * {@link WireRequest}; {@link #field} takes a field's spellings in order of preference, because
 * upstream clients send both snake_case and camelCase (spectron-api.md §2.0, §8).
 */
public final class JsonBody {
    private final JsonNode node;
    private final byte[] raw;

    private JsonBody(JsonNode node, byte[] raw) {
        this.node = node;
        this.raw = raw;
    }

    /** The body, which must be a JSON object. */
    public static JsonBody of(Context ctx, long maxBytes) {
        byte[] raw = read(ctx, maxBytes);
        if (raw.length == 0) {
            throw new InvalidInputException("request body is empty; expected a JSON object");
        }
        return fromBytes(raw);
    }

    /** The body, or an empty object when the request has none. */
    public static JsonBody ofOptional(Context ctx, long maxBytes) {
        byte[] raw = read(ctx, maxBytes);
        return raw.length == 0 || new String(raw, java.nio.charset.StandardCharsets.UTF_8).isBlank()
                ? new JsonBody(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), raw)
                : fromBytes(raw);
    }

    static JsonBody fromBytes(byte[] raw) {
        JsonNode node = Json.parse(raw);
        if (!node.isObject()) {
            throw new InvalidInputException("request body must be a JSON object; got " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        refuseUnstorableText(node, "");
        return new JsonBody(node, raw);
    }

    /**
     * Refuses, naming the field, any string or field name in the body that holds a lone UTF-16
     * surrogate (JSON's {@code "\\ud800"}: no Unicode text, so UTF-8 storage would turn it into
     * {@code ?}) or NUL (which PostgreSQL text cannot hold). The caller's text is stored exactly or
     * not at all (issue 20 point 2); checked here once for every route.
     */
    private static void refuseUnstorableText(JsonNode node, String path) {
        if (node.isTextual()) {
            refuseUnstorable(node.textValue(), path.isEmpty() ? "body" : path, "field '" + path + "'");
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseUnstorableText(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (var entry : node.properties()) {
                String child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                refuseUnstorable(entry.getKey(), child, "the name of field '" + child + "'");
                refuseUnstorableText(entry.getValue(), child);
            }
        }
    }

    private static void refuseUnstorable(String text, String field, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                throw new InvalidInputException(field, what + " holds a NUL character (\\u0000) at index " + i
                        + ", which cannot be stored; remove it");
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    throw new InvalidInputException(field, what + " holds a lone UTF-16 surrogate (\\u"
                            + Integer.toHexString(c) + ") at index " + i + ", which is not Unicode text; send a complete surrogate pair");
                }
                i++;
            }
        }
    }

    public byte[] raw() {
        return raw.clone();
    }

    /** The first of {@code names} present and not JSON null. */
    public Optional<JsonNode> field(String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * After every request: reads a body the route did not (a GET with a body, a POST route that
     * takes none), so that the connection can serve the next request. Jetty otherwise closes it
     * without saying so, and a client that reuses it gets no reply at all (found by FuzzIT). A body
     * over the limit, or one that cannot be read, is not drained: the connection is closed instead,
     * with {@code Connection: close}.
     */
    public static void drain(Context ctx, long maxBytes) {
        boolean chunked = "chunked".equalsIgnoreCase(ctx.header("Transfer-Encoding"));
        long declared = ctx.contentLength();
        if (declared <= 0 && !chunked) {
            return;
        }
        try {
            if (declared > maxBytes) {
                ctx.header("Connection", "close");
            } else {
                ctx.bodyAsBytes(); // cached when the route read it
            }
        } catch (RuntimeException e) {
            ctx.header("Connection", "close");
        }
    }

    private static byte[] read(Context ctx, long maxBytes) {
        long declared = ctx.contentLength();
        if (declared > maxBytes) {
            throw tooLarge(declared, maxBytes);
        }
        // Javalin enforces maxRequestSize on bodies without a Content-Length as it reads them.
        return ctx.bodyAsBytes();
    }

    public static PayloadTooLargeException tooLarge(long size, long maxBytes) {
        return new PayloadTooLargeException("request body is " + (size < 0 ? "larger than the limit" : size + " bytes")
                + "; the limit is " + maxBytes + " bytes (SPECTRON_MAX_BODY_BYTES)");
    }
}
