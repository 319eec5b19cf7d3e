package dev.spectron.bench.locomo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spectron.bench.LatencyStats;
import dev.spectron.server.ServerConfig;
import dev.spectron.server.SpectronServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingests the LoCoMo conversations through the real write path ({@code POST .../turns} over HTTP,
 * extraction, reconciliation, one durable transaction per turn) and reports turns per second,
 * per-turn latency and the memory rows each turn created. Each conversation gets its own context;
 * each speaker's turns of a LoCoMo session go to a session scoped to that speaker, so first-person
 * facts attach to the right person. Turns are sent one at a time, in order, with the session's date.
 */
public final class LocomoIngestBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANAGEMENT_KEY = "bench-management-key-5d1a";
    /** Spacing of turns within a session: LoCoMo gives one date per session, not per turn. */
    private static final Duration TURN_SPACING = Duration.ofSeconds(30);

    /** {@code rowsCreated}: new entities, attributes, relations, instructions and uncertainties, by table. */
    public record Result(int conversations, int turns, double seconds, double turnsPerSecond, LatencyStats latency,
                         Map<String, Integer> rowsCreated, String target) {
        public double rowsPerTurn() {
            return rowsCreated.values().stream().mapToInt(Integer::intValue).sum() / (double) turns;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    public static Result run(Path data, int limitConversations) throws Exception {
        List<LocomoDataset.Conversation> conversations = LocomoDataset.read(data);
        conversations = conversations.subList(0, Math.min(limitConversations, conversations.size()));
        Path dir = Files.createTempDirectory("spectron-locomo-");
        ServerConfig config = ServerConfig.defaults().withBindAddress("127.0.0.1:0").withDataDir(dir).withManagementKey(MANAGEMENT_KEY);
        try (SpectronServer server = SpectronServer.start(config)) {
            return new LocomoIngestBenchmark().ingest(server.localUrl(), conversations, "embedded server (SQLite) at " + dir);
        }
    }

    Result ingest(String url, List<LocomoDataset.Conversation> conversations, String target) throws Exception {
        List<Long> latencies = new ArrayList<>();
        Map<String, Integer> rows = new HashMap<>();
        long start = System.nanoTime();
        for (LocomoDataset.Conversation conversation : conversations) {
            String context = "locomo-" + conversation.sampleId();
            send(url + "/api/v1/contexts/" + context, MANAGEMENT_KEY, "{}", 201);
            String key = JSON.readTree(send(url + "/api/v1/contexts/" + context + "/keys", MANAGEMENT_KEY, "{\"name\":\"bench\"}", 201))
                    .get("key").asText();
            for (LocomoDataset.Session session : conversation.sessions()) {
                Map<String, String> sessionBySpeaker = new HashMap<>();
                for (int i = 0; i < session.turns().size(); i++) {
                    LocomoDataset.Turn turn = session.turns().get(i);
                    String sessionId = sessionBySpeaker.computeIfAbsent(turn.speaker(), speaker -> createSession(url, context, key, speaker));
                    String body = JSON.writeValueAsString(Map.of("role", "user", "content", turn.content(),
                            "ts", session.startedAt().plus(TURN_SPACING.multipliedBy(i)).toString()));
                    long t0 = System.nanoTime();
                    JsonNode diff = JSON.readTree(send(url + "/api/v1/" + context + "/sessions/" + sessionId + "/turns", key, body, 201));
                    latencies.add(System.nanoTime() - t0);
                    count(diff, rows);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(conversations.size(), latencies.size(), seconds, latencies.size() / seconds,
                LatencyStats.ofNanos(latencies.stream().mapToLong(Long::longValue).toArray()), rows, target);
    }

    private static void count(JsonNode diff, Map<String, Integer> rows) {
        int newEntities = 0;
        for (JsonNode entity : diff.get("entities")) {
            newEntities += entity.path("isNew").asBoolean() ? 1 : 0;
        }
        rows.merge("entities", newEntities, Integer::sum);
        for (String list : List.of("attributes", "relations", "instructions", "uncertainties")) {
            rows.merge(list, diff.get(list).size(), Integer::sum);
        }
    }

    private String createSession(String url, String context, String key, String speaker) {
        try {
            String body = JSON.writeValueAsString(Map.of("scope", Map.of("user", speaker.toLowerCase(java.util.Locale.ROOT))));
            return JSON.readTree(send(url + "/api/v1/" + context + "/sessions", key, body, 201)).get("id").asText();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot create a session for " + speaker, e);
        }
    }

    private String send(String url, String key, String body, int expected) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
