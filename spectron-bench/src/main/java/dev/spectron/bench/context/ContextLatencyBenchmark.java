package dev.spectron.bench.context;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spectron.bench.BenchNodes;
import dev.spectron.bench.LatencyStats;
import dev.spectron.core.Ids;
import dev.spectron.core.auth.ApiKey;
import dev.spectron.core.auth.KeySecrets;
import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.context.Context;
import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.embedding.EmbeddingSpec;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.retrieval.SearchDoc;
import dev.spectron.core.session.ScopeSet;
import dev.spectron.core.session.Session;
import dev.spectron.server.ServerConfig;
import dev.spectron.server.SpectronServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Latency of {@code POST /sessions/{id}/context} with 1k, 10k, 100k memories in one context,
 * end to end over HTTP, query embedding included. Memories are preloaded straight into the store
 * (the write path would take hours at 100k): synthetic one-sentence turns in the full-text index
 * and random unit vectors under the default embedder's model id, so the vector scan does its full
 * work; the queries are real text, embedded by the real in-process model. The first queries
 * after start (the JIT still compiling, the indexes loading) are measured apart.
 *
 * <p>On SQLite (a temporary data directory) or on a fresh PostgreSQL database with one or more
 * nodes ({@link BenchNodes}); queries go round-robin over the nodes, from {@code concurrency}
 * clients at once (1: one after another, the latency figures).
 */
public final class ContextLatencyBenchmark {
    private static final String KEY = "bench-context-key-3e9f";
    private static final int DIMENSION = 384;
    private static final String[] SUBJECTS = {"Ada", "Bob", "Caroline", "Melanie", "John", "Maria", "the team", "my sister"};
    private static final String[] VERBS = {"visited", "painted", "cooked", "read about", "talked about", "bought", "planned", "photographed"};
    private static final String[] OBJECTS = {"a lighthouse", "the Alps", "a sunrise", "pottery class", "a border collie", "the museum",
            "a charity run", "a camping trip", "a new guitar", "the support group", "a vegan recipe", "a job interview"};
    private static final String[] QUERIES = {"When did Caroline go to the support group?", "What did Melanie paint?",
            "Where did Ada go camping?", "Who bought a new guitar?", "What did my sister cook last week?"};

    /** The measured queries (and how many per second all clients got through), and the warm-up ones before them. */
    public record Row(int memories, LatencyStats latency, double readsPerSecond, LatencyStats warmup, String target) {
    }

    private record Measured(LatencyStats latency, double readsPerSecond) {
    }

    private ContextLatencyBenchmark() {
    }

    public static List<Row> run(List<Integer> sizes, int warmup, int queries) throws Exception {
        return run(sizes, warmup, queries, null, 1, 1);
    }

    /** @param databaseUrl null for SQLite; else the PostgreSQL server each size gets a fresh database on */
    public static List<Row> run(List<Integer> sizes, int warmup, int queries, String databaseUrl, int nodeCount, int concurrency) throws Exception {
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1, not " + concurrency);
        }
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            try (BenchNodes nodes = BenchNodes.prepare(databaseUrl, nodeCount, KEY, "spectron-context-latency-")) {
                String session = preload(nodes.config(), size);
                nodes.start();
                IntFunction<String> url = i -> nodes.url(i) + "/api/v1/default/sessions/" + session + "/context";
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                LatencyStats warm = warmup == 0 ? null : measure(client, url, "warm-up ", warmup, concurrency).latency();
                Measured measured = measure(client, url, "", queries, concurrency);
                rows.add(new Row(size, measured.latency(), measured.readsPerSecond(), warm, nodes.describe()));
            }
        }
        return rows;
    }

    /** Writes {@code size} memories through the store {@code config} selects (SQLite or PostgreSQL), before any server starts. */
    public static String preload(ServerConfig config, int size) {
        ContextId context = ContextId.DEFAULT;
        String model = EmbeddingSpec.defaultSpec().id();
        Random random = new Random(7);
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        try (MemoryStore store = SpectronServer.openStore(config)) {
            Session session = new Session(Ids.newId("sess_", t0), context, ScopeSet.parse(Map.of("user", "ada")), Map.of(), t0);
            store.write(tx -> {
                tx.contexts().insert(new Context(context, "latency bench", ContextConfig.empty(), t0));
                tx.keys().insert(new ApiKey(Ids.newId("key_", t0), context, "bench", KeySecrets.hash(KEY), t0, null));
                tx.sessions().insert(session);
                tx.settings().put("bootstrapped_at", t0.toString());
                return null;
            });
            for (int start = 0; start < size; start += 5_000) {
                int end = Math.min(size, start + 5_000);
                int from = start;
                store.write(tx -> {
                    for (int i = from; i < end; i++) {
                        Instant at = t0.plusSeconds(60L * i);
                        String text = SUBJECTS[random.nextInt(SUBJECTS.length)] + " " + VERBS[random.nextInt(VERBS.length)] + " "
                                + OBJECTS[random.nextInt(OBJECTS.length)] + " on day " + i + ".";
                        String id = "doc_" + i;
                        tx.search().insert(context, new SearchDoc(id, SearchDoc.Kind.TURN, "turn_" + i, session.id(), "turn_" + i, "user", "ada",
                                text, session.scopes(), 0.5, at, at));
                        tx.search().putEmbedding(context, id, model, unitVector(random));
                        tx.changes().append(context, ChangeKind.DOC_INDEXED, id, at);
                    }
                    return null;
                });
            }
            return session.id();
        }
    }

    /** Query i goes to node i mod nodes; {@code concurrency} clients take the next query as soon as theirs is answered. */
    private static Measured measure(HttpClient client, IntFunction<String> url, String label, int queries, int concurrency) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long[] nanos = new long[queries];
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                clients.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < queries; i = next.getAndIncrement()) {
                        String body = json.writeValueAsString(Map.of("query", QUERIES[i % QUERIES.length] + " " + label + i));
                        long t = System.nanoTime();
                        post(client, url.apply(i), body);
                        nanos[i] = System.nanoTime() - t;
                    }
                    return null;
                }));
            }
            for (Future<?> c : clients) {
                c.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Measured(LatencyStats.ofNanos(nanos), queries / seconds);
    }

    private static void post(HttpClient client, String url, String body) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + KEY).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("context answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static float[] unitVector(Random random) {
        float[] v = new float[DIMENSION];
        double norm = 0;
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < DIMENSION; i++) {
            v[i] *= scale;
        }
        return v;
    }

    static Map<String, Object> describe(List<Row> rows) {
        Map<String, Object> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(String.valueOf(r.memories()), r.latency()));
        return out;
    }
}
