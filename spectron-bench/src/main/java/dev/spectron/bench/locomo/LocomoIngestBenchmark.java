package dev.spectron.bench.locomo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.bench.LatencyStats;
import dev.spectron.bench.TempDirs;
import dev.spectron.server.ServerConfig;
import dev.spectron.server.SpectronServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingests the LoCoMo conversations through the real write path (see {@link LocomoIngester}) into an
 * embedded server and reports turns per second, per-turn latency and the memory rows each turn
 * created.
 */
public final class LocomoIngestBenchmark {
    static final String MANAGEMENT_KEY = "bench-management-key-5d1a";

    /** {@code rowsCreated}: new entities, attributes, relations, instructions and uncertainties, by table. */
    public record Result(int conversations, int turns, double seconds, double turnsPerSecond, LatencyStats latency,
                         Map<String, Integer> rowsCreated, String target) {
        public double rowsPerTurn() {
            return rowsCreated.values().stream().mapToInt(Integer::intValue).sum() / (double) turns;
        }
    }

    private LocomoIngestBenchmark() {
    }

    public static Result run(Path data, int limitConversations) throws Exception {
        List<LocomoDataset.Conversation> conversations = LocomoDataset.read(data);
        conversations = conversations.subList(0, Math.min(limitConversations, conversations.size()));
        Path dir = TempDirs.create("spectron-locomo-");
        ServerConfig config = ServerConfig.defaults().withBindAddress("127.0.0.1:0").withDataDir(dir).withManagementKey(MANAGEMENT_KEY);
        try (SpectronServer server = SpectronServer.start(config)) {
            LocomoIngester ingester = new LocomoIngester(server.localUrl(), MANAGEMENT_KEY);
            List<Long> latencies = new ArrayList<>();
            Map<String, Integer> rows = new HashMap<>();
            long start = System.nanoTime();
            for (LocomoDataset.Conversation conversation : conversations) {
                LocomoIngester.Ingested ingested = ingester.ingest(conversation, Map.of());
                latencies.addAll(ingested.latenciesNanos());
                ingested.diffs().forEach(diff -> count(diff, rows));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(conversations.size(), latencies.size(), seconds, latencies.size() / seconds,
                    LatencyStats.ofNanos(latencies.stream().mapToLong(Long::longValue).toArray()), rows, "embedded server (SQLite), temporary data directory");
        } finally {
            TempDirs.delete(dir);
        }
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
}
