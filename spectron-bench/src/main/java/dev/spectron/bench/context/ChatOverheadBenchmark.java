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
 * background are computed while the next chat runs, on the same two cores. The first
 * {@code warmup} chats after start are measured apart: the JIT compiles the chat path over the
 * first few dozen (their p95 is about twice the steady state's).
 */
public final class ChatOverheadBenchmark {
    private static final String KEY = "bench-context-key-3e9f";
    private static final String[] MESSAGES = {"I visited a lighthouse with Caroline today.", "What did Melanie paint?",
            "My sister cooked a vegan recipe for us.", "When did Caroline go to the support group?", "I am planning a camping trip in May."};

    /** The first chats after start (warm-up), then the measured ones: overhead (total minus model), total, median of each step. */
    public record Row(int memories, LatencyStats warmup, LatencyStats overhead, LatencyStats total, Map<String, Double> stepP50) {
    }

    private ChatOverheadBenchmark() {
    }

    public static List<Row> run(List<Integer> sizes, int warmup, int chats, int pauseMs) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            Path dir = TempDirs.create("spectron-chat-overhead-");
            ServerConfig config = ServerConfig.defaults().withBindAddress("127.0.0.1:0").withDataDir(dir).withApiKey(KEY);
            String session = ContextLatencyBenchmark.preload(config, size);
            try (SpectronServer server = SpectronServer.start(config)) {
                rows.add(measure(size, new Client(server.localUrl() + "/api/v1/default", session), warmup, chats, pauseMs));
            } finally {
                TempDirs.delete(dir);
            }
        }
        return rows;
    }

    private static Row measure(int size, Client client, int warmup, int chats, int pauseMs) throws Exception {
        long[] warm = new long[warmup];
        for (int i = 0; i < warmup; i++) {
            Thread.sleep(pauseMs);
            warm[i] = client.chat(MESSAGES[i % MESSAGES.length] + " (warm-up " + i + ")").overhead();
        }
        long[] overhead = new long[chats];
        long[] total = new long[chats];
        Map<String, List<Double>> steps = new LinkedHashMap<>();
        for (int i = 0; i < chats; i++) {
            Thread.sleep(pauseMs);
            Chat chat = client.chat(MESSAGES[i % MESSAGES.length] + " (" + i + ")");
            total[i] = chat.total();
            overhead[i] = chat.overhead();
            chat.trace().get("stepsMs").properties().forEach(e -> steps.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue().asDouble()));
            steps.computeIfAbsent("of which retriever", k -> new ArrayList<>()).add(chat.trace().get("retrieval").get("latencyMs").asDouble());
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        steps.forEach((step, values) -> medians.put(step, values.stream().sorted().toList().get(values.size() / 2)));
        return new Row(size, warmup == 0 ? null : LatencyStats.ofNanos(warm), LatencyStats.ofNanos(overhead), LatencyStats.ofNanos(total), medians);
    }

    /** One chat: its total latency as the client saw it, that minus the model step, and its response trace. */
    private record Chat(long total, long overhead, JsonNode trace) {
    }

    private record Client(HttpClient http, ObjectMapper json, String base, String chatUrl) {
        Client(String base, String session) {
            this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), new ObjectMapper(), base, base + "/sessions/" + session + "/chat");
        }

        Chat chat(String message) throws Exception {
            String body = json.writeValueAsString(Map.of("message", message));
            long start = System.nanoTime();
            JsonNode reply = json.readTree(send(http, chatUrl, body));
            long total = System.nanoTime() - start;
            JsonNode trace = json.readTree(get(http, base + "/traces/" + reply.get("traceId").asText()));
            return new Chat(total, total - (long) (trace.get("stepsMs").get("model").asDouble() * 1_000_000), trace);
        }
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
