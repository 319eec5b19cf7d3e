package dev.spectron.bench.locomo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes LoCoMo conversations through the real write path over HTTP: one context per conversation
 * (created with the management key), each speaker's turns of a LoCoMo session in a session scoped
 * to that speaker, turns one at a time in order with the session's date (+30 s per turn).
 */
final class LocomoIngester {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TURN_SPACING = Duration.ofSeconds(30);

    /** What one conversation left behind: where it lives, and which stored turn is which dia_id. */
    record Ingested(String context, String apiKey, Map<String, String> diaIdByTurnId, List<Long> latenciesNanos, List<JsonNode> diffs) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String managementKey;

    LocomoIngester(String url, String managementKey) {
        this.url = url;
        this.managementKey = managementKey;
    }

    Ingested ingest(LocomoDataset.Conversation conversation, Map<String, Object> contextConfig) throws IOException, InterruptedException {
        String context = "locomo-" + conversation.sampleId();
        send(url + "/api/v1/contexts/" + context, managementKey, JSON.writeValueAsString(Map.of("config", contextConfig)), 201);
        String key = JSON.readTree(send(url + "/api/v1/contexts/" + context + "/keys", managementKey, "{\"name\":\"bench\"}", 201)).get("key").asText();
        Map<String, String> diaIds = new HashMap<>();
        List<Long> latencies = new ArrayList<>();
        List<JsonNode> diffs = new ArrayList<>();
        for (LocomoDataset.Session session : conversation.sessions()) {
            Map<String, String> sessionBySpeaker = new HashMap<>();
            for (int i = 0; i < session.turns().size(); i++) {
                LocomoDataset.Turn turn = session.turns().get(i);
                String sessionId = sessionBySpeaker.get(turn.speaker());
                if (sessionId == null) {
                    String body = JSON.writeValueAsString(Map.of("scope", Map.of("user", turn.speaker().toLowerCase(Locale.ROOT))));
                    sessionId = JSON.readTree(send(url + "/api/v1/" + context + "/sessions", key, body, 201)).get("id").asText();
                    sessionBySpeaker.put(turn.speaker(), sessionId);
                }
                String body = JSON.writeValueAsString(Map.of("role", "user", "content", turn.content(),
                        "ts", session.startedAt().plus(TURN_SPACING.multipliedBy(i)).toString()));
                long t0 = System.nanoTime();
                JsonNode diff = JSON.readTree(send(url + "/api/v1/" + context + "/sessions/" + sessionId + "/turns", key, body, 201));
                latencies.add(System.nanoTime() - t0);
                diffs.add(diff);
                diaIds.put(diff.get("turnId").asText(), turn.diaId());
            }
        }
        return new Ingested(context, key, diaIds, latencies, diffs);
    }

    JsonNode post(String path, String key, Object body) throws IOException, InterruptedException {
        return JSON.readTree(send(url + path, key, JSON.writeValueAsString(body), 200));
    }

    private String send(String target, String key, String body, int expected) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + target + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
