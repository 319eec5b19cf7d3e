package dev.spectron.server.testing;

import dev.spectron.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestServer} per test class over a fresh data directory:
 * {@code @RegisterExtension static final ServerExtension SERVER = new ServerExtension();}
 * It starts before the class's own {@code @BeforeAll} methods and stops after the last test.
 */
public final class ServerExtension implements BeforeAllCallback, AfterAllCallback {
    private final UnaryOperator<ServerConfig> customise;
    private Path dataDir;
    private TestServer server;

    public ServerExtension() {
        this(config -> config);
    }

    /** {@code customise} adjusts the fixture's config, e.g. a smaller body limit. */
    public ServerExtension(UnaryOperator<ServerConfig> customise) {
        this.customise = customise;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("spectron-test-");
        server = TestServer.start(customise.apply(TestServer.config(dataDir)));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The running server (after {@code beforeAll}), e.g. for its database file. */
    public TestServer server() {
        return server;
    }

    /** A client bound to this server; usable in a static initialiser, since it resolves the URL per call. */
    public TestHttp http() {
        return new TestHttp(() -> server.url());
    }
}
