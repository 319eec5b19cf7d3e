package dev.spectron.server.testing;

import dev.spectron.server.ServerConfig;
import dev.spectron.server.SpectronServer;
import java.nio.file.Path;

/**
 * A real server on a random loopback port over a fresh data directory, with known keys: the
 * fixture every HTTP-level test uses (like Javalin's TestUtil).
 */
public final class TestServer implements AutoCloseable {
    public static final String API_KEY = "test-dev-key-4f1c9a0e7b2d";
    public static final String MANAGEMENT_KEY = "test-management-key-9d3e1f7a2c5b";

    private final SpectronServer server;
    private final TestHttp http;

    private TestServer(SpectronServer server) {
        this.server = server;
        this.http = new TestHttp(server.localUrl());
    }

    public static TestServer start(Path dataDir) {
        return start(config(dataDir));
    }

    public static TestServer start(ServerConfig config) {
        return new TestServer(SpectronServer.start(config));
    }

    public static ServerConfig config(Path dataDir) {
        return ServerConfig.defaults().withBindAddress("127.0.0.1:0").withDataDir(dataDir)
                .withApiKey(API_KEY).withManagementKey(MANAGEMENT_KEY);
    }

    public TestHttp http() {
        return http;
    }

    public SpectronServer server() {
        return server;
    }

    public String url() {
        return server.localUrl();
    }

    @Override
    public void close() {
        server.close();
    }
}
