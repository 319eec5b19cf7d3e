package dev.spectron.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code spectron serve} in a child JVM, as an operator would run it; it can be killed with SIGKILL. */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final String url;
    private final StringBuilder output;

    private ServerProcess(Process process, String url, StringBuilder output) {
        this.process = process;
        this.url = url;
        this.output = output;
    }

    /** How a {@code serve} that was expected to stop on its own ended. */
    record Exited(int status, String stdout, String stderr) {
    }

    static ServerProcess start(Path dataDir, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = serve(dataDir, env);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    Matcher matcher = LISTENING.matcher(line);
                    if (line.startsWith("Spectron ") && matcher.find()) {
                        url.complete(matcher.group(1));
                    }
                }
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
            url.completeExceptionally(new IllegalStateException("server exited before listening"));
        });
        try {
            return new ServerProcess(process, url.get(60, TimeUnit.SECONDS), output);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("server did not start; output:\n" + output, e);
        }
    }

    /** Runs {@code serve} to its exit, e.g. a refusal to start; fails when it is still running after {@code timeout}. */
    static Exited runToExit(Path dataDir, Map<String, String> env, Duration timeout) throws IOException, InterruptedException {
        Process process = serve(dataDir, env).start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("serve still running after " + timeout + "; output:\n" + stdout.join() + stderr.join());
        }
        return new Exited(process.exitValue(), stdout.join(), stderr.join());
    }

    private static ProcessBuilder serve(Path dataDir, Map<String, String> env) {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), SpectronCommand.class.getName(), "serve"));
        builder.environment().keySet().removeIf(name -> name.startsWith("SPECTRON_"));
        builder.environment().put("SPECTRON_BIND_ADDRESS", "127.0.0.1:0"); // a test may choose another
        builder.environment().putAll(env);
        builder.environment().put("SPECTRON_DATA_DIR", dataDir.toString());
        return builder;
    }

    private static String readAll(java.io.InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String url() {
        return url;
    }

    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(Duration.ofSeconds(20).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
