package dev.spectron.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.core.InvalidInputException;
import dev.spectron.core.PayloadTooLargeException;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * A request's JSON object body, read within the size limit, with precise errors for a body that is
 * empty, malformed or not an object. Routes read it into their wire record with
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
        return new JsonBody(node, raw);
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
