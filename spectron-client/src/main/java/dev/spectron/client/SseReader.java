package dev.spectron.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A server-sent events parser (the WHATWG rules the chat stream needs): events end at a blank
 * line; {@code data:} lines are joined with {@code \n}; lines starting with {@code :} are comments
 * (keep-alives) and ignored; one space after the colon is dropped; a line without a colon is a
 * field with an empty value; {@code \n}, {@code \r\n} and {@code \r} all end a line. Unlike
 * browsers it also delivers a last event that was not followed by a blank line before the stream
 * ended. Not thread-safe: one reader per stream.
 */
public final class SseReader implements AutoCloseable {
    /**
     * One event.
     *
     * @param event the {@code event:} name, {@code message} when none was given
     * @param data  the joined {@code data:} lines
     * @param id    the last {@code id:} seen, or null
     */
    public record Event(String event, String data, String id) {
    }

    private final BufferedReader reader;
    private String lastId;

    public SseReader(Reader reader) {
        this.reader = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
    }

    /** The next event, or null at the end of the stream. */
    public Event next() throws IOException {
        StringBuilder data = null;
        String event = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new Event(event == null ? "message" : event, data.toString(), lastId);
                }
                event = null;
                continue;
            }
            if (line.charAt(0) == ':') {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "data" -> {
                    if (data == null) {
                        data = new StringBuilder(value);
                    } else {
                        data.append('\n').append(value);
                    }
                }
                case "event" -> event = value;
                case "id" -> {
                    if (value.indexOf('\0') < 0) {
                        lastId = value;
                    }
                }
                default -> {
                    // "retry" and unknown fields: nothing to do for a client that does not reconnect.
                }
            }
        }
        return data == null ? null : new Event(event == null ? "message" : event, data.toString(), lastId);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
