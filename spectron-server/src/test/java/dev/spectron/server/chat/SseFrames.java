package dev.spectron.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A server-sent-event body split into frames, as an SSE client reads it. */
record SseFrames(List<Frame> frames) {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Frame(String event, JsonNode data) {
    }

    static SseFrames parse(String body) {
        List<Frame> frames = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String event = "message";
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(6));
                }
            }
            if (!data.isEmpty()) {
                try {
                    frames.add(new Frame(event, JSON.readTree(data.toString())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new SseFrames(frames);
    }

    /** The text of the delta frames, joined. */
    String text() {
        StringBuilder text = new StringBuilder();
        frames.stream().filter(f -> f.event().equals("message")).forEach(f -> text.append(f.data().get("delta").asText()));
        return text.toString();
    }

    List<String> deltas() {
        return frames.stream().filter(f -> f.event().equals("message")).map(f -> f.data().get("delta").asText()).toList();
    }

    Frame last() {
        return frames.getLast();
    }
}
