package dev.spectron.bench;

import dev.spectron.server.ServerConfig;
import dev.spectron.server.SpectronServer;
import dev.spectron.store.postgres.PostgresSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The embedded servers a benchmark runs against: one on a temporary SQLite directory, or N nodes
 * in this process on a fresh PostgreSQL database, each with its own store pool and search indexes
 * as N server processes would have. The database is created on the server a URL names
 * ({@code CREATE DATABASE spectron_bench_<random>}, which needs CREATEDB) and dropped on close:
 * the database the URL names is only connected to, never written.
 */
public final class BenchNodes implements AutoCloseable {
    private static final String JDBC_PREFIX = "jdbc:postgresql://";

    private final Path dir;
    private final PostgresSettings admin;
    private final String database;
    private final ServerConfig config;
    private final int count;
    private final List<SpectronServer> servers = new ArrayList<>();

    private BenchNodes(Path dir, PostgresSettings admin, String database, ServerConfig config, int count) {
        this.dir = dir;
        this.admin = admin;
        this.database = database;
        this.config = config;
        this.count = count;
    }

    /**
     * Prepares the store (nothing is started yet, so a benchmark can preload through {@link #config}).
     *
     * @param databaseUrl null for SQLite
     * @throws IllegalArgumentException for several nodes on SQLite: its store serves one process per data directory
     */
    public static BenchNodes prepare(String databaseUrl, int nodes, String apiKey, String prefix) throws Exception {
        if (nodes < 1) {
            throw new IllegalArgumentException("--nodes must be at least 1, not " + nodes);
        }
        if (databaseUrl == null && nodes > 1) {
            throw new IllegalArgumentException("--nodes " + nodes + " needs --database-url: the embedded SQLite store serves one process "
                    + "per data directory, so only PostgreSQL runs several nodes on one database");
        }
        Path dir = TempDirs.create(prefix);
        ServerConfig config = ServerConfig.defaults().withBindAddress("127.0.0.1:0").withDataDir(dir).withApiKey(apiKey);
        if (databaseUrl == null) {
            return new BenchNodes(dir, null, null, config, 1);
        }
        try {
            PostgresSettings admin = PostgresSettings.fromUrl(databaseUrl.strip());
            String database = "spectron_bench_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
            execute(admin, "CREATE DATABASE " + database);
            PostgresSettings settings = new PostgresSettings(withDatabase(admin.jdbcUrl(), database), admin.user(), admin.password(),
                    admin.poolSize(), admin.connectTimeout(), admin.statementTimeout());
            config = new ServerConfig(config.host(), config.port(), dir, apiKey, null, config.maxBodyBytes(), config.providerEnvironment(),
                    config.traceRetention(), settings);
            return new BenchNodes(dir, admin, database, config, nodes);
        } catch (Exception | Error e) {
            TempDirs.delete(dir);
            throw e;
        }
    }

    /** The configuration every node starts with; {@link SpectronServer#openStore} on it opens the benchmark's store. */
    public ServerConfig config() {
        return config;
    }

    /** Starts the nodes one after another. */
    public BenchNodes start() {
        for (int i = 0; i < count; i++) {
            servers.add(SpectronServer.start(config));
        }
        return this;
    }

    public int count() {
        return count;
    }

    /** The node request {@code i} goes to: requests are spread round-robin. */
    public String url(int i) {
        return servers.get(Math.floorMod(i, servers.size())).localUrl();
    }

    public String describe() {
        if (admin == null) {
            return "embedded server (SQLite WAL, synchronous=FULL) at " + dir;
        }
        String where = admin.describe();
        where = where.substring(0, where.lastIndexOf('/') + 1) + database;
        return (count == 1 ? "1 embedded node" : count + " embedded nodes in this process") + " on PostgreSQL " + where
                + " (fresh database, dropped afterwards)";
    }

    @Override
    public void close() throws Exception {
        try {
            for (SpectronServer server : servers) {
                server.close();
            }
        } finally {
            try {
                if (database != null) {
                    execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
            } finally {
                TempDirs.delete(dir);
            }
        }
    }

    private static void execute(PostgresSettings settings, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The same JDBC URL naming another database on the same server (driver parameters kept). */
    static String withDatabase(String jdbcUrl, String database) {
        int slash = jdbcUrl.indexOf('/', JDBC_PREFIX.length());
        int query = jdbcUrl.indexOf('?', slash);
        return jdbcUrl.substring(0, slash + 1) + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }
}
