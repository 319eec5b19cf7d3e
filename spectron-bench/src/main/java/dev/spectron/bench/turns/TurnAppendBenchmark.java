package dev.spectron.bench.turns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spectron.bench.LatencyStats;
import dev.spectron.bench.TempDirs;
import dev.spectron.server.ServerConfig;
import dev.spectron.server.SpectronServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turn-append throughput and latency over real HTTP: {@code concurrency} clients append turns to
 * {@code sessions} sessions, each waiting for the durable 201 before sending the next. Targets a
 * running server ({@code url}) or starts an embedded one on a temporary data directory.
 */
public final class TurnAppendBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMBEDDED_KEY = "bench-key-7c1e2d";

    public record Options(String url, String apiKey, String context, int turns, int concurrency, int sessions, int warmup) {
        public Options {
            if (turns < 1 || concurrency < 1 || sessions < 1 || warmup < 0) {
                throw new IllegalArgumentException("turns, concurrency and sessions must be positive; warmup not negative");
            }
        }
    }

    public record Result(String target, int turns, int concurrency, int sessions, double seconds, double turnsPerSecond, LatencyStats latency) {
    }

    private TurnAppendBenchmark() {
    }

    public static Result run(Options options) throws Exception {
        if (options.url() != null) {
            return measure(options, options.url(), options.apiKey(), options.url());
        }
        Path dir = TempDirs.create("spectron-bench-");
        ServerConfig config = ServerConfig.defaults().withBindAddress("127.0.0.1:0").withDataDir(dir).withApiKey(EMBEDDED_KEY);
        try (SpectronServer server = SpectronServer.start(config)) {
            return measure(options, server.localUrl(), EMBEDDED_KEY, "embedded server (SQLite WAL, synchronous=FULL) at " + dir);
        } finally {
            TempDirs.delete(dir);
        }
    }

    private static Result measure(Options options, String url, String apiKey, String target) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String base = url + "/api/v1/" + options.context();
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < options.sessions(); i++) {
            JsonNode session = JSON.readTree(send(client, base + "/sessions", apiKey, "{\"scope\":{\"user\":\"bench-" + i + "\"}}", 201));
            sessions.add(session.get("id").asText());
        }
        appendAll(client, base, apiKey, sessions, options.warmup(), options.concurrency());
        long start = System.nanoTime();
        long[] latencies = appendAll(client, base, apiKey, sessions, options.turns(), options.concurrency());
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(target, options.turns(), options.concurrency(), options.sessions(), seconds,
                options.turns() / seconds, LatencyStats.ofNanos(latencies));
    }

    private static long[] appendAll(HttpClient client, String base, String apiKey, List<String> sessions, int turns, int concurrency) throws Exception {
        long[] latencies = new long[turns];
        AtomicInteger next = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < turns; i = next.getAndIncrement()) {
                        String session = sessions.get(i % sessions.size());
                        String body = "{\"role\":\"" + (i % 2 == 0 ? "user" : "assistant") + "\",\"content\":\"Benchmark turn " + i
                                + ": I moved to Lisbon last spring and I work as a data engineer.\"}";
                        long t0 = System.nanoTime();
                        send(client, base + "/sessions/" + session + "/turns", apiKey, body, 201);
                        latencies[i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return latencies;
    }

    private static String send(HttpClient client, String url, String apiKey, String body, int expected) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
