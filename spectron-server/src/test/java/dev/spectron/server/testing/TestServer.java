package dev.spectron.server.testing;

import dev.spectron.server.ServerConfig;
import dev.spectron.server.SpectronServer;
import dev.spectron.store.postgres.LocalPostgres;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real server on a random loopback port over a fresh data directory, with known keys: the
 * fixture every HTTP-level test uses (like Javalin's TestUtil).
 */
public final class TestServer implements AutoCloseable {
    public static final String API_KEY = "test-dev-key-4f1c9a0e7b2d";
    public static final String MANAGEMENT_KEY = "test-management-key-9d3e1f7a2c5b";
    private static final String STORE_PROPERTY = "spectron.test.store";
    /** One database per data directory, so a test that restarts its server on the same directory finds its data. */
    private static final Map<Path, String> DATABASES = new ConcurrentHashMap<>();

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

    /**
     * The embedded SQLite store in {@code dataDir}; with {@code -Dspectron.test.store=postgres} (the
     * build's second integration-test run) a fresh database on the test PostgreSQL instead.
     */
    public static ServerConfig config(Path dataDir) {
        ServerConfig config = ServerConfig.defaults().withBindAddress("127.0.0.1:0").withDataDir(dataDir)
                .withApiKey(API_KEY).withManagementKey(MANAGEMENT_KEY);
        return onPostgres() ? config.withDatabaseUrl(DATABASES.computeIfAbsent(dataDir, dir -> LocalPostgres.newDatabase())) : config;
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty(STORE_PROPERTY));
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
