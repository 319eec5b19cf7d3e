package dev.spectron.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.spectron.core.InvalidInputException;
import java.io.IOException;

/** The server's one JSON configuration: wire records out, request trees in (bound by {@link WireRequest}). */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Parses a request body; malformed JSON is the caller's error, reported with its position in
     * our own words: Jackson's messages name its classes and features (issue 20 point 1).
     */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException("request body is empty; expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new InvalidInputException("malformed JSON" + where + ": " + problemIn(e));
        } catch (IOException e) {
            throw new InvalidInputException("the request body is not valid UTF-8");
        }
    }

    private static String problemIn(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        return switch (e) {
            case JsonEOFException eof -> "the body ends before the JSON value is complete";
            case StreamConstraintsException limit -> "the JSON is nested too deeply, or holds a number or string too long to read";
            case MismatchedInputException trailing -> "unexpected content after the JSON value";
            default -> message.contains("UTF-8") || message.contains("UTF-16") || message.contains("UTF-32") ? "the body is not valid UTF-8"
                    : message.startsWith("Illegal unquoted character") ? "a control character inside a string must be escaped, e.g. \\n"
                    : message.startsWith("Unrecognized token") ? "a bare word; strings take double quotes, and the only words are true, false and null"
                    : "not valid JSON syntax";
        };
    }

    /** A value as a JSON tree, to combine with others. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Parses JSON this server wrote earlier (a stored response); failure is a bug, not bad input. */
    public static JsonNode parseStored(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored response is not JSON", e);
        }
    }

    /** A checked request tree as its wire record (see {@link WireRequest}). */
    static <T> T bind(JsonNode node, Class<T> type) {
        return MAPPER.convertValue(node, type);
    }
}
