package dev.spectron.cli;

import dev.spectron.bench.turns.TurnAppendBenchmark;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spectron bench ...}: benchmark harnesses that print figures. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
        subcommands = {BenchCommand.Turns.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "turns", mixinStandardHelpOptions = true,
            description = "Turn-append throughput and p50/p95/p99 latency over HTTP. Without --url, starts an embedded server on a temporary directory.")
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

        @Override
        public Integer call() throws Exception {
            if (url != null && (apiKey == null || apiKey.isBlank())) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--url needs --api-key or SPECTRON_API_KEY");
            }
            var result = TurnAppendBenchmark.run(new TurnAppendBenchmark.Options(url, apiKey, context, turns, concurrency, sessions, warmup));
            System.out.printf(Locale.ROOT, "turn append over HTTP: %d turns, %d concurrent clients, %d sessions, %d warm-up turns%n",
                    result.turns(), result.concurrency(), result.sessions(), warmup);
            System.out.println("target:     " + result.target());
            System.out.printf(Locale.ROOT, "throughput: %.1f turns/s (%.2f s)%n", result.turnsPerSecond(), result.seconds());
            System.out.println("latency:    " + result.latency());
            return 0;
        }
    }
}
