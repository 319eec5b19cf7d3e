package dev.spectron.cli;

import dev.spectron.server.ServerConfig;
import dev.spectron.server.SpectronServer;
import dev.spectron.server.StartupException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spectron serve}: runs the server until interrupted. Flags override the environment. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the Spectron server.",
                "The embedded default keeps everything in SQLite in the data directory; no API key is needed.",
                "",
                "Environment: SPECTRON_BIND_ADDRESS (default 0.0.0.0:9090), SPECTRON_DATA_DIR (default ./data),",
                "SPECTRON_API_KEY (registered as a key of context 'default'), SPECTRON_MANAGEMENT_API_KEY,",
                "SPECTRON_MAX_BODY_BYTES (default 1048576), SPECTRON_TRACE_RETENTION_HOURS (default 72),",
                "SPECTRON_DATABASE_URL (PostgreSQL instead of the embedded SQLite: postgresql://user:password@host:5432/db;",
                "several nodes may share it), SPECTRON_DATABASE_POOL_SIZE (default 10)."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = {"-b", "--bind"}, paramLabel = "HOST:PORT", description = "Address to listen on (overrides SPECTRON_BIND_ADDRESS).")
    String bind;

    @Option(names = {"-d", "--data-dir"}, paramLabel = "DIR", description = "Data directory (overrides SPECTRON_DATA_DIR).")
    Path dataDir;

    @Option(names = "--max-body-bytes", paramLabel = "BYTES", description = "Request body limit (overrides SPECTRON_MAX_BODY_BYTES).")
    Long maxBodyBytes;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "PostgreSQL to use instead of the embedded SQLite store (overrides SPECTRON_DATABASE_URL).")
    String databaseUrl;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config;
        try {
            config = configure();
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
        SpectronServer server = SpectronServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "spectron-shutdown"));
        System.out.println(new StartBanner(server).render());
        System.out.flush();
        stopped.await();
        return 0;
    }

    private ServerConfig configure() {
        ServerConfig config = ServerConfig.fromEnvironment(System.getenv());
        if (bind != null) {
            config = config.withBindAddress(bind);
        }
        if (dataDir != null) {
            config = config.withDataDir(dataDir);
        }
        if (maxBodyBytes != null) {
            config = config.withMaxBodyBytes(maxBodyBytes);
        }
        if (databaseUrl != null) {
            config = config.withDatabaseUrl(databaseUrl);
        }
        return config;
    }
}
