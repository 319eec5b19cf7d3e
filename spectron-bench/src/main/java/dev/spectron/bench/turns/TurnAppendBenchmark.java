package dev.spectron.bench.turns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spectron.bench.BenchNodes;
import dev.spectron.bench.LatencyStats;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Turn-append throughput and latency over real HTTP: {@code concurrency} clients append turns to
 * {@code sessions} sessions, each waiting for the durable 201 before sending the next. Targets a
 * running server ({@code url}) or starts an embedded one on a temporary data directory, or
 * {@code nodes} embedded nodes on a fresh PostgreSQL database ({@code databaseUrl}, see
 * {@link BenchNodes}) with the turns spread round-robin over them.
 */
public final class TurnAppendBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMBEDDED_KEY = "bench-key-7c1e2d";

    /**
     * @param databaseUrl null for the embedded SQLite store; else the PostgreSQL server the embedded nodes share a fresh database on
     * @param nodes       embedded nodes (more than one only on PostgreSQL)
     */
    public record Options(String url, String apiKey, String context, int turns, int concurrency, int sessions, int warmup,
                          String databaseUrl, int nodes) {
        public Options {
            if (turns < 1 || concurrency < 1 || sessions < 1 || warmup < 0 || nodes < 1) {
                throw new IllegalArgumentException("turns, concurrency, sessions and nodes must be positive; warmup not negative");
            }
            if (url != null && (databaseUrl != null || nodes != 1)) {
                throw new IllegalArgumentException("--url targets a running server; --database-url and --nodes are for embedded ones");
            }
        }

        public Options(String url, String apiKey, String context, int turns, int concurrency, int sessions, int warmup) {
            this(url, apiKey, context, turns, concurrency, sessions, warmup, null, 1);
        }
    }

    public record Result(String target, int turns, int concurrency, int sessions, double seconds, double turnsPerSecond, LatencyStats latency) {
    }

    private TurnAppendBenchmark() {
    }

    public static Result run(Options options) throws Exception {
        if (options.url() != null) {
            return measure(options, 1, i -> options.url(), options.apiKey(), options.url());
        }
        try (BenchNodes nodes = BenchNodes.prepare(options.databaseUrl(), options.nodes(), EMBEDDED_KEY, "spectron-bench-").start()) {
            return measure(options, nodes.count(), nodes::url, EMBEDDED_KEY, nodes.describe());
        }
    }

    private static Result measure(Options options, int nodes, IntFunction<String> node, String apiKey, String target) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        IntFunction<String> base = i -> node.apply(i) + "/api/v1/" + options.context();
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < options.sessions(); i++) {
            JsonNode session = JSON.readTree(send(client, base.apply(i) + "/sessions", apiKey, "{\"scope\":{\"user\":\"bench-" + i + "\"}}", 201));
            sessions.add(session.get("id").asText());
        }
        appendAll(client, base, nodes, apiKey, sessions, options.warmup(), options.concurrency());
        long start = System.nanoTime();
        long[] latencies = appendAll(client, base, nodes, apiKey, sessions, options.turns(), options.concurrency());
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(target, options.turns(), options.concurrency(), options.sessions(), seconds,
                options.turns() / seconds, LatencyStats.ofNanos(latencies));
    }

    /** Turn i goes to node i mod nodes, and consecutive turns of one session to different nodes: no session sticks to a node. */
    private static long[] appendAll(HttpClient client, IntFunction<String> base, int nodes, String apiKey, List<String> sessions, int turns, int concurrency) throws Exception {
        long[] latencies = new long[turns];
        AtomicInteger next = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < turns; i = next.getAndIncrement()) {
                        String session = sessions.get(i / nodes % sessions.size());
                        String body = "{\"role\":\"" + (i % 2 == 0 ? "user" : "assistant") + "\",\"content\":\"Benchmark turn " + i
                                + ": I moved to Lisbon last spring and I work as a data engineer.\"}";
                        long t0 = System.nanoTime();
                        send(client, base.apply(i) + "/sessions/" + session + "/turns", apiKey, body, 201);
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
