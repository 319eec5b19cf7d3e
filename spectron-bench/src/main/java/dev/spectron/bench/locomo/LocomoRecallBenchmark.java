package dev.spectron.bench.locomo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.spectron.bench.LatencyStats;
import dev.spectron.bench.TempDirs;
import dev.spectron.core.embedding.EmbeddingSpec;
import dev.spectron.server.ServerConfig;
import dev.spectron.server.SpectronServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The retrieval benchmark of issue 4: ingest each LoCoMo conversation through the real write
 * path into its own context, ask every question through {@code POST /query} (k = 50, the
 * question verbatim), and score evidence recall exactly as PROTOCOL.md §4 says.
 */
public final class LocomoRecallBenchmark {
    static final String EXPECTED_SHA256 = "79fa87e90f04081343b8c8debecb80a9a6842b76a7aa537dc9fdf651ea698ff4";
    private static final int BOOTSTRAP_RESAMPLES = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One scored question. */
    record Scored(String sampleId, int category, Map<Integer, RecallMetrics.Scores> turn, Map<Integer, RecallMetrics.Scores> session, int charsAt10) {
    }

    private LocomoRecallBenchmark() {
    }

    /** Runs the benchmark on an embedded server and writes the report; returns it. */
    public static Map<String, Object> run(Path data, Path out, String mode, String embedding, int limitConversations) throws Exception {
        return run(data, Map.of(mode, out), embedding, limitConversations).get(mode);
    }

    /**
     * Ingests once, then asks every question in each mode (ablations side by side on the same
     * memory) and writes one report per mode; returns them by mode, in the order given.
     */
    public static Map<String, Map<String, Object>> run(Path data, Map<String, Path> outByMode, String embedding, int limitConversations)
            throws Exception {
        String sha = sha256(data);
        List<LocomoDataset.Conversation> conversations = LocomoDataset.read(data);
        conversations = conversations.subList(0, Math.min(limitConversations, conversations.size()));
        Path dir = TempDirs.create("spectron-locomo-recall-");
        ServerConfig config = ServerConfig.defaults().withBindAddress("127.0.0.1:0").withDataDir(dir)
                .withManagementKey(LocomoIngestBenchmark.MANAGEMENT_KEY);
        Map<String, Map<String, Object>> reports = new LinkedHashMap<>();
        long start = System.nanoTime();
        try (SpectronServer server = SpectronServer.start(config)) {
            LocomoIngester ingester = new LocomoIngester(server.localUrl(), LocomoIngestBenchmark.MANAGEMENT_KEY);
            Map<String, Object> contextConfig = embedding == null ? Map.of() : Map.of("models", Map.of("embedding", embedding));
            List<LocomoIngester.Ingested> ingested = new ArrayList<>();
            for (LocomoDataset.Conversation conversation : conversations) {
                ingested.add(ingester.ingest(conversation, contextConfig));
            }
            double ingestSeconds = (System.nanoTime() - start) / 1e9;
            for (Map.Entry<String, Path> entry : outByMode.entrySet()) {
                String mode = entry.getKey();
                long queryStart = System.nanoTime();
                List<Scored> scored = new ArrayList<>();
                List<Scored> adversarial = new ArrayList<>();
                List<Long> queryNanos = new ArrayList<>();
                for (int c = 0; c < conversations.size(); c++) {
                    LocomoDataset.Conversation conversation = conversations.get(c);
                    Map<String, Integer> sessionOf = new HashMap<>();
                    conversation.sessions().forEach(s -> s.turns().forEach(t -> sessionOf.put(t.diaId(), s.number())));
                    for (JsonNode qa : conversation.qa()) {
                        Set<String> gold = Gold.of(qa.get("evidence"), sessionOf.keySet());
                        if (gold.isEmpty()) {
                            continue;
                        }
                        long t0 = System.nanoTime();
                        JsonNode hits = ingester.post("/api/v1/" + ingested.get(c).context() + "/query", ingested.get(c).apiKey(),
                                Map.of("query", qa.get("question").asText(), "k", 50, "mode", mode)).get("hits");
                        queryNanos.add(System.nanoTime() - t0);
                        Scored result = score(conversation.sampleId(), qa.get("category").asInt(), hits, ingested.get(c).diaIdByTurnId(), gold, sessionOf);
                        (result.category() == 5 ? adversarial : scored).add(result);
                    }
                }
                Map<String, Object> report = report(scored, adversarial, queryNanos);
                report.put("dataset", Map.of("file", data.getFileName().toString(), "sha256", sha, "sha256_matches_protocol", sha.equals(EXPECTED_SHA256),
                        "conversations", conversations.size()));
                report.put("config", Map.of("mode", mode, "embedder", embedding == null ? EmbeddingSpec.DEFAULT + " (default)" : embedding,
                        "tiers", "direct -> hybrid -> full_context",
                        "fusion", "score fusion (BM25 / max, cosine min-max, 0.5 each; graph 0.05), importance and speaker priors, episode support",
                        "items", "turns (\"Speaker: text [shares a photo: caption]\") and extracted facts mapped to their source turn",
                        "extraction", "stage-0 heuristics only (no model)", "session_level", "derived"));
                report.put("seconds", Map.of("ingest", ingestSeconds, "queries", (System.nanoTime() - queryStart) / 1e9));
                Path out = entry.getValue();
                Files.createDirectories(out.toAbsolutePath().getParent());
                JSON.writeValue(out.toFile(), report);
                reports.put(mode, report);
            }
        } finally {
            TempDirs.delete(dir);
        }
        return reports;
    }

    static Scored score(String sampleId, int category, JsonNode hits, Map<String, String> diaIdByTurnId, Set<String> gold,
                        Map<String, Integer> sessionOf) {
        List<List<String>> items = new ArrayList<>();
        int chars = 0;
        for (int i = 0; i < hits.size(); i++) {
            JsonNode hit = hits.get(i);
            String diaId = diaIdByTurnId.get(hit.path("turnId").asText());
            items.add(diaId == null ? List.of() : List.of(diaId));
            if (i < 10) {
                chars += hit.get("text").asText().length();
            }
        }
        Set<Integer> goldSessions = new java.util.HashSet<>();
        gold.forEach(d -> goldSessions.add(sessionOf.get(d)));
        Map<Integer, RecallMetrics.Scores> turn = new TreeMap<>();
        for (int k : RecallMetrics.TURN_K) {
            turn.put(k, RecallMetrics.turn(items, gold, k));
        }
        Map<Integer, RecallMetrics.Scores> session = new TreeMap<>();
        for (int k : RecallMetrics.SESSION_K) {
            session.put(k, RecallMetrics.session(items, goldSessions, sessionOf, k));
        }
        return new Scored(sampleId, category, turn, session, chars);
    }

    static Map<String, Object> report(List<Scored> scored, List<Scored> adversarial, List<Long> queryNanos) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("questions", scored.size());
        report.put("turn", level(scored, true));
        report.put("session", level(scored, false));
        Map<String, Object> perCategory = new TreeMap<>();
        Map<String, Map<String, Double>> macroTurn = new TreeMap<>();
        for (int category = 1; category <= 4; category++) {
            int c = category;
            List<Scored> subset = scored.stream().filter(s -> s.category() == c).toList();
            if (!subset.isEmpty()) {
                perCategory.put(String.valueOf(c), Map.of("n", subset.size(), "turn", level(subset, true), "session", level(subset, false)));
            }
        }
        report.put("per_category", perCategory);
        report.put("macro_turn_r_frac_at_10", scored.isEmpty() ? 0 : perCategory.values().stream()
                .mapToDouble(v -> ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) v).get("turn")).get("10")).get("r_frac") instanceof Double d ? d : 0)
                .average().orElse(0));
        report.put("ci95", Map.of("turn_r_frac_at_10", bootstrap(scored.stream().map(s -> s.turn().get(10).rFrac()).toList()),
                "session_r_all_at_3", bootstrap(scored.stream().map(s -> s.session().get(3).rAll()).toList())));
        report.put("mean_chars_of_top_10", scored.stream().mapToInt(Scored::charsAt10).average().orElse(0));
        report.put("adversarial_distractor_recall", Map.of("n", adversarial.size(), "turn", level(adversarial, true)));
        report.put("query_latency_ms", LatencyStats.ofNanos(queryNanos.stream().mapToLong(Long::longValue).toArray()));
        report.put("categories", Map.of("1", "multi-hop", "2", "temporal", "3", "open-domain", "4", "single-hop"));
        return report;
    }

    private static Map<String, Map<String, Double>> level(List<Scored> scored, boolean turn) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (int k : turn ? RecallMetrics.TURN_K : RecallMetrics.SESSION_K) {
            List<RecallMetrics.Scores> at = scored.stream().map(s -> (turn ? s.turn() : s.session()).get(k)).toList();
            out.put(String.valueOf(k), Map.of("r_frac", mean(at.stream().map(RecallMetrics.Scores::rFrac).toList()),
                    "r_all", mean(at.stream().map(RecallMetrics.Scores::rAll).toList()),
                    "r_any", mean(at.stream().map(RecallMetrics.Scores::rAny).toList()),
                    "ndcg", mean(at.stream().map(RecallMetrics.Scores::ndcg).toList())));
        }
        return out;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** 95 % percentile bootstrap over questions, seeded so reruns agree. */
    static List<Double> bootstrap(List<Double> values) {
        if (values.isEmpty()) {
            return List.of(0.0, 0.0);
        }
        Random random = new Random(42);
        double[] means = new double[BOOTSTRAP_RESAMPLES];
        for (int r = 0; r < BOOTSTRAP_RESAMPLES; r++) {
            double sum = 0;
            for (int i = 0; i < values.size(); i++) {
                sum += values.get(random.nextInt(values.size()));
            }
            means[r] = sum / values.size();
        }
        java.util.Arrays.sort(means);
        return List.of(means[(int) (BOOTSTRAP_RESAMPLES * 0.025)], means[(int) (BOOTSTRAP_RESAMPLES * 0.975) - 1]);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
