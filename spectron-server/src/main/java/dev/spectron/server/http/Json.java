package dev.spectron.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    /** Parses a request body; malformed JSON is the caller's error, reported with its position. */
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
            throw new InvalidInputException("malformed JSON" + where + ": " + withoutSourceNoise(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidInputException("unreadable request body: " + e.getMessage());
        }
    }

    /** Jackson appends "(start marker at [Source: REDACTED ...])", which says nothing to a caller. */
    private static String withoutSourceNoise(String message) {
        int noise = message.indexOf(" (start marker at");
        String trimmed = noise < 0 ? message : message.substring(0, noise);
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
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
