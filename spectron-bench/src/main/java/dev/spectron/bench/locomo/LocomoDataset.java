package dev.spectron.bench.locomo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The LoCoMo conversations as PROTOCOL.md (in the data folder) describes them: samples of two
 * speakers, sessions numbered 1..N with a date each, turns with a {@code dia_id}. The data is read
 * from where it lies; it is never copied into the repository (CC BY-NC).
 */
public final class LocomoDataset {
    private static final DateTimeFormatter SESSION_DATE = DateTimeFormatter.ofPattern("h:mm a 'on' d MMMM, yyyy", Locale.ENGLISH);

    public record Turn(String diaId, String speaker, String text, String imageCaption) {
        /** What is written to memory: the words, plus the caption of a shared photo (the photo itself is not released). */
        public String content() {
            return imageCaption == null ? text : text + " [shares a photo: " + imageCaption + "]";
        }
    }

    public record Session(int number, Instant startedAt, List<Turn> turns) {
    }

    public record Conversation(String sampleId, String speakerA, String speakerB, List<Session> sessions, JsonNode qa) {
        public int turnCount() {
            return sessions.stream().mapToInt(s -> s.turns().size()).sum();
        }
    }

    private LocomoDataset() {
    }

    public static List<Conversation> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Conversation> conversations = new ArrayList<>();
        for (JsonNode sample : root) {
            JsonNode conversation = sample.get("conversation");
            List<Session> sessions = new ArrayList<>();
            // Iterate the session lists, not the date keys: conv-26 has dates for sessions that were never generated.
            for (int n = 1; conversation.has("session_" + n); n++) {
                List<Turn> turns = new ArrayList<>();
                for (JsonNode turn : conversation.get("session_" + n)) {
                    turns.add(new Turn(turn.get("dia_id").asText(), turn.get("speaker").asText(), turn.get("text").asText(),
                            turn.hasNonNull("blip_caption") ? turn.get("blip_caption").asText() : null));
                }
                sessions.add(new Session(n, sessionStart(conversation.get("session_" + n + "_date_time").asText()), turns));
            }
            conversations.add(new Conversation(sample.get("sample_id").asText(), conversation.get("speaker_a").asText(),
                    conversation.get("speaker_b").asText(), sessions, sample.get("qa")));
        }
        return conversations;
    }

    /** "1:56 pm on 8 May, 2023" → 2023-05-08T13:56Z (the data gives no zone; UTC is assumed). */
    static Instant sessionStart(String raw) {
        String normalised = raw.strip().replace("am", "AM").replace("pm", "PM");
        return LocalDateTime.parse(normalised, SESSION_DATE).toInstant(ZoneOffset.UTC);
    }
}
