package dev.spectron.cli;

import dev.spectron.bench.turns.TurnAppendBenchmark;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spectron bench ...}: benchmark harnesses that print figures. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
        subcommands = {BenchCommand.Turns.class, BenchCommand.IngestLocomo.class, BenchCommand.Locomo.class, BenchCommand.ContextLatency.class,
                BenchCommand.ChatOverhead.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    private static void checkNodes(Object command, String databaseUrl, int nodes) {
        if (nodes < 1) {
            throw new CommandLine.ParameterException(new CommandLine(command), "--nodes must be at least 1");
        }
        if (nodes > 1 && databaseUrl == null) {
            throw new CommandLine.ParameterException(new CommandLine(command), "--nodes " + nodes + " needs --database-url: the embedded "
                    + "SQLite store serves one process per data directory, so only PostgreSQL runs several nodes on one database");
        }
    }

    @Command(name = "context-latency", mixinStandardHelpOptions = true,
            description = "p50/p95 of POST /sessions/{id}/context (query embedding included) with N memories in one context.")
    static final class ContextLatency implements Callable<Integer> {
        @Option(names = "--sizes", defaultValue = "1000,10000,100000", split = ",", description = "Memory counts (default: ${DEFAULT-VALUE}).")
        List<Integer> sizes;

        @Option(names = "--queries", defaultValue = "200", description = "Measured queries per size (default: ${DEFAULT-VALUE}).")
        int queries;

        @Option(names = "--warmup", defaultValue = "100", description = "Queries after start before measuring, reported apart "
                + "(default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--concurrency", defaultValue = "1", description = "Clients querying at once, each sending its next query when "
                + "answered; reads/s is printed beside the latencies (default: ${DEFAULT-VALUE}: one after another).")
        int concurrency;

        @Option(names = "--database-url", description = "Run the embedded server(s) on PostgreSQL (postgresql://user:password@host:port/db) "
                + "instead of a temporary SQLite directory. Your data is not touched: each run creates a fresh database "
                + "spectron_bench_<random> on that server (the user needs CREATEDB; the URL's database is only connected to for that) "
                + "and drops it afterwards.")
        String databaseUrl;

        @Option(names = "--nodes", defaultValue = "1", description = "Embedded server nodes in this process on the one database, each with its own "
                + "store pool and search indexes; requests go round-robin over them. More than 1 needs --database-url "
                + "(default: ${DEFAULT-VALUE}).")
        int nodes;

        @Override
        public Integer call() throws Exception {
            checkNodes(this, databaseUrl, nodes);
            boolean extended = databaseUrl != null || nodes != 1 || concurrency != 1;
            System.out.println("context latency over HTTP (POST /sessions/{id}/context, k=10, query embedding included)");
            for (var row : dev.spectron.bench.context.ContextLatencyBenchmark.run(sizes, warmup, queries, databaseUrl, nodes, concurrency)) {
                System.out.printf(Locale.ROOT, "%,9d memories: %s%n", row.memories(), row.latency());
                if (extended) {
                    System.out.printf(Locale.ROOT, "%19s reads/s: %.1f (%d concurrent clients), target: %s%n", "", row.readsPerSecond(), concurrency,
                            row.target());
                }
                if (row.warmup() != null) {
                    System.out.printf(Locale.ROOT, "%19s the %d warm-up queries before them: %s%n", "", warmup, row.warmup());
                }
            }
            return 0;
        }
    }

    @Command(name = "chat-overhead", mixinStandardHelpOptions = true,
            description = "p50/p95 of POST /sessions/{id}/chat minus the model's time, with the in-process builtin model and N memories.")
    static final class ChatOverhead implements Callable<Integer> {
        @Option(names = "--sizes", defaultValue = "1000,10000", split = ",", description = "Memory counts (default: ${DEFAULT-VALUE}).")
        List<Integer> sizes;

        @Option(names = "--chats", defaultValue = "200", description = "Measured chats per size (default: ${DEFAULT-VALUE}).")
        int chats;

        @Option(names = "--pause-ms", defaultValue = "0", description = "Wait between chats, as a real model's answer time would "
                + "(default: ${DEFAULT-VALUE}: back to back).")
        int pauseMs;

        @Option(names = "--warmup", defaultValue = "100", description = "Chats after start before measuring, reported apart: "
                + "the JIT compiles the chat path over the first few dozen (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Override
        public Integer call() throws Exception {
            System.out.println("chat overhead over HTTP (POST /sessions/{id}/chat, builtin model, both turns stored; overhead = total - model step)");
            for (var row : dev.spectron.bench.context.ChatOverheadBenchmark.run(sizes, warmup, chats, pauseMs)) {
                System.out.printf(Locale.ROOT, "%,9d memories: overhead %s%n%20s total    %s%n%20s median per step (ms) %s%n",
                        row.memories(), row.overhead(), "", row.total(), "", row.stepP50());
                if (row.warmup() != null) {
                    System.out.printf(Locale.ROOT, "%20s overhead of the %d warm-up chats before them: %s%n", "", warmup, row.warmup());
                }
            }
            return 0;
        }
    }

    @Command(name = "locomo", mixinStandardHelpOptions = true,
            description = "LoCoMo evidence recall (PROTOCOL.md in the data folder): ingest every conversation through the write path, "
                    + "ask every question through /query, score turn and session recall; writes a JSON report.")
    static final class Locomo implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "Path to locomo10.json.")
        java.nio.file.Path data;

        @Option(names = "--out", required = true, description = "Where to write the JSON report.")
        java.nio.file.Path out;

        @Option(names = "--mode", defaultValue = "hybrid_graph", split = ",",
                description = "bm25, vector, hybrid or hybrid_graph (default: ${DEFAULT-VALUE}); several, comma-separated, are asked "
                        + "on one ingestion and each writes its report next to --out, named <out>-<mode>.json.")
        List<String> modes;

        @Option(names = "--embedding", description = "Embedding model, e.g. onnx/bge-small-en-v1.5 (default: the server's default).")
        String embedding;

        @Option(names = "--conversations", defaultValue = "10", description = "How many conversations (default: ${DEFAULT-VALUE}).")
        int conversations;

        @Override
        @SuppressWarnings("unchecked")
        public Integer call() throws Exception {
            Map<String, java.nio.file.Path> outByMode = new java.util.LinkedHashMap<>();
            for (String mode : modes) {
                String name = out.getFileName().toString().replaceFirst("\\.json$", "");
                outByMode.put(mode, modes.size() == 1 ? out : out.resolveSibling(name + "-" + mode + ".json"));
            }
            var reports = dev.spectron.bench.locomo.LocomoRecallBenchmark.run(data, outByMode, embedding, conversations);
            for (Map.Entry<String, Map<String, Object>> entry : reports.entrySet()) {
                Map<String, Object> report = entry.getValue();
                Map<String, Map<String, Double>> turn = (Map<String, Map<String, Double>>) report.get("turn");
                Map<String, Map<String, Double>> session = (Map<String, Map<String, Double>>) report.get("session");
                System.out.printf(Locale.ROOT, "LoCoMo evidence recall, %d questions (categories 1-4), mode %s, embedder %s%n",
                        (Integer) report.get("questions"), entry.getKey(), embedding == null ? "default" : embedding);
                System.out.println("turn     k    r_frac  r_all  r_any  ndcg");
                turn.forEach((k, m) -> System.out.printf(Locale.ROOT, "         %-4s %.3f   %.3f  %.3f  %.3f%n", k, m.get("r_frac"), m.get("r_all"), m.get("r_any"), m.get("ndcg")));
                System.out.println("session  k    r_frac  r_all  r_any  ndcg");
                session.forEach((k, m) -> System.out.printf(Locale.ROOT, "         %-4s %.3f   %.3f  %.3f  %.3f%n", k, m.get("r_frac"), m.get("r_all"), m.get("r_any"), m.get("ndcg")));
                System.out.println("query latency: " + report.get("query_latency_ms"));
                System.out.println("report: " + outByMode.get(entry.getKey()).toAbsolutePath());
            }
            return 0;
        }
    }

    @Command(name = "ingest-locomo", mixinStandardHelpOptions = true,
            description = "Ingest the LoCoMo conversations through the real write path (embedded server, heuristics) and report "
                    + "turns/s, p50/p95 turn latency and memory rows created per turn.")
    static final class IngestLocomo implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "Path to locomo10.json (e.g. ../shared/data/locomo/locomo10.json).")
        java.nio.file.Path data;

        @Option(names = "--conversations", defaultValue = "10", description = "How many conversations to ingest (default: ${DEFAULT-VALUE}).")
        int conversations;

        @Override
        public Integer call() throws Exception {
            var result = dev.spectron.bench.locomo.LocomoIngestBenchmark.run(data, conversations);
            System.out.printf(Locale.ROOT, "LoCoMo ingestion: %d conversations, %d turns, one at a time over HTTP%n", result.conversations(), result.turns());
            System.out.println("target:     " + result.target());
            System.out.printf(Locale.ROOT, "throughput: %.1f turns/s (%.2f s)%n", result.turnsPerSecond(), result.seconds());
            System.out.println("latency:    " + result.latency());
            System.out.printf(Locale.ROOT, "rows/turn:  %.2f  %s%n", result.rowsPerTurn(), new java.util.TreeMap<>(result.rowsCreated()));
            return 0;
        }
    }

    @Command(name = "turns", mixinStandardHelpOptions = true,
            description = "Turn-append throughput and p50/p95/p99 latency over HTTP. Without --url, starts an embedded server on a temporary "
                    + "directory, or --nodes embedded nodes on a fresh PostgreSQL database (--database-url).")
    static final class Turns implements Callable<Integer> {
        @Option(names = "--url", description = "Target a running server instead of an embedded one.")
        String url;

        @Option(names = "--api-key", defaultValue = "${env:SPECTRON_API_KEY}", description = "Key for --url (default: $SPECTRON_API_KEY).")
        String apiKey;

        @Option(names = "--context", defaultValue = "default", description = "Context to write to (default: ${DEFAULT-VALUE}).")
        String context;

        @Option(names = "--turns", defaultValue = "5000", description = "Measured turns (default: ${DEFAULT-VALUE}).")
        int turns;

        @Option(names = "--concurrency", defaultValue = "8", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
        int concurrency;

        @Option(names = "--sessions", defaultValue = "8", description = "Sessions written to round-robin (default: ${DEFAULT-VALUE}).")
        int sessions;

        @Option(names = "--warmup", defaultValue = "500", description = "Unmeasured turns first (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--database-url", description = "Run the embedded server(s) on PostgreSQL (postgresql://user:password@host:port/db) "
                + "instead of a temporary SQLite directory. Your data is not touched: each run creates a fresh database "
                + "spectron_bench_<random> on that server (the user needs CREATEDB; the URL's database is only connected to for that) "
                + "and drops it afterwards.")
        String databaseUrl;

        @Option(names = "--nodes", defaultValue = "1", description = "Embedded server nodes in this process on the one database, each with its own "
                + "store pool and search indexes; requests go round-robin over them. More than 1 needs --database-url "
                + "(default: ${DEFAULT-VALUE}).")
        int nodes;

        @Override
        public Integer call() throws Exception {
            if (url != null && (apiKey == null || apiKey.isBlank())) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--url needs --api-key or SPECTRON_API_KEY");
            }
            if (url != null && (databaseUrl != null || nodes != 1)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--url targets a running server; --database-url and --nodes "
                        + "start embedded ones");
            }
            checkNodes(this, databaseUrl, nodes);
            var result = TurnAppendBenchmark.run(new TurnAppendBenchmark.Options(url, apiKey, context, turns, concurrency, sessions, warmup,
                    databaseUrl, nodes));
            System.out.printf(Locale.ROOT, "turn append over HTTP: %d turns, %d concurrent clients, %d sessions, %d warm-up turns%n",
                    result.turns(), result.concurrency(), result.sessions(), warmup);
            System.out.println("target:     " + result.target());
            System.out.printf(Locale.ROOT, "throughput: %.1f turns/s (%.2f s)%n", result.turnsPerSecond(), result.seconds());
            System.out.println("latency:    " + result.latency());
            return 0;
        }
    }
}
