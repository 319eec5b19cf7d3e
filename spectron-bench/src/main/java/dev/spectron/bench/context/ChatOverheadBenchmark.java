package dev.spectron.bench.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spectron.bench.LatencyStats;
import dev.spectron.bench.TempDirs;
import dev.spectron.server.ServerConfig;
import dev.spectron.server.SpectronServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code session.chat()} costs beyond the model: total latency of
 * {@code POST /sessions/{id}/chat} over HTTP minus the model step, with the context's default
 * {@code builtin} response model (in-process, no network: a zero-latency model) and N memories
 * preloaded as in {@link ContextLatencyBenchmark}. Every chat stores both turns through the full
 * write path (heuristics, reconciliation, indexing, embeddings), so the memory grows as it runs.
 * The model step comes from each chat's response trace. {@code pauseMs} waits between chats (not
 * counted), as a real model's answer time would: without it, the vectors a chat leaves for the
 * background are computed while the next chat runs, on the same two cores.
 */
public final class ChatOverheadBenchmark {
    private static final String KEY = "bench-context-key-3e9f";
    private static final String[] MESSAGES = {"I visited a lighthouse with Caroline today.", "What did Melanie paint?",
            "My sister cooked a vegan recipe for us.", "When did Caroline go to the support group?", "I am planning a camping trip in May."};

    /** Overhead (total minus model), the total, and the median of each step. */
    public record Row(int memories, LatencyStats overhead, LatencyStats total, Map<String, Double> stepP50) {
    }

    private ChatOverheadBenchmark() {
    }

    public static List<Row> run(List<Integer> sizes, int chats, int pauseMs) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            Path dir = TempDirs.create("spectron-chat-overhead-");
            String session = ContextLatencyBenchmark.preload(dir.resolve("spectron.db"), size);
            ServerConfig config = ServerConfig.defaults().withBindAddress("127.0.0.1:0").withDataDir(dir).withApiKey(KEY);
            try (SpectronServer server = SpectronServer.start(config)) {
                rows.add(measure(size, server.localUrl() + "/api/v1/default", session, chats, pauseMs));
            } finally {
                TempDirs.delete(dir);
            }
        }
        return rows;
    }

    private static Row measure(int size, String base, String session, int chats, int pauseMs) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ObjectMapper json = new ObjectMapper();
        String chatUrl = base + "/sessions/" + session + "/chat";
        for (int i = 0; i < 10; i++) {
            send(client, chatUrl, json.writeValueAsString(Map.of("message", MESSAGES[i % MESSAGES.length])));
        }
        long[] overhead = new long[chats];
        long[] total = new long[chats];
        Map<String, List<Double>> steps = new LinkedHashMap<>();
        for (int i = 0; i < chats; i++) {
            Thread.sleep(pauseMs);
            String body = json.writeValueAsString(Map.of("message", MESSAGES[i % MESSAGES.length] + " (" + i + ")"));
            long t = System.nanoTime();
            JsonNode reply = json.readTree(send(client, chatUrl, body));
            total[i] = System.nanoTime() - t;
            JsonNode trace = json.readTree(get(client, base + "/traces/" + reply.get("traceId").asText()));
            trace.get("stepsMs").properties().forEach(e -> steps.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue().asDouble()));
            steps.computeIfAbsent("of which retriever", k -> new ArrayList<>()).add(trace.get("retrieval").get("latencyMs").asDouble());
            overhead[i] = total[i] - (long) (trace.get("stepsMs").get("model").asDouble() * 1_000_000);
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        steps.forEach((step, values) -> medians.put(step, values.stream().sorted().toList().get(values.size() / 2)));
        return new Row(size, LatencyStats.ofNanos(overhead), LatencyStats.ofNanos(total), medians);
    }

    private static String send(HttpClient client, String url, String body) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("chat answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
