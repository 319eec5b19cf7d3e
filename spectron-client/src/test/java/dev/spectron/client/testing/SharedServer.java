package dev.spectron.client.testing;

import dev.spectron.client.Spectron;
import dev.spectron.server.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * ONE real Spectron server (in-process, SQLite in a temp dir, in-process embeddings, builtin
 * models) for the whole test run, shared by every IT class that registers this extension:
 * {@code @ExtendWith(SharedServer.class)}. It stops when the run ends (root store).
 */
public final class SharedServer implements BeforeAllCallback {
    private static volatile Running running;

    private record Running(TestServer server, Path dataDir) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            server.close();
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Running.class, type -> {
            try {
                Path dir = Files.createTempDirectory("spectron-client-it-");
                return new Running(TestServer.start(dir), dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Running.class);
    }

    /** The server's root URL, e.g. {@code http://127.0.0.1:41234}. */
    public static String url() {
        return running.server().url();
    }

    public static String apiKey() {
        return TestServer.API_KEY;
    }

    public static String managementKey() {
        return TestServer.MANAGEMENT_KEY;
    }

    /** A client of the shared server with the test key. */
    public static Spectron client() {
        return Spectron.builder().baseUrl(url()).apiKey(apiKey()).build();
    }
}
