package dev.spectron.server;

import dev.spectron.store.postgres.PostgresSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the server reads from its environment and flags, validated once at start. Nothing
 * else in the server reads {@code System.getenv}.
 *
 * @param host            interface to bind ({@code SPECTRON_BIND_ADDRESS}, default {@code 0.0.0.0})
 * @param port            port to bind; 0 picks a free one (default 9090)
 * @param dataDir         where the SQLite file lives ({@code SPECTRON_DATA_DIR}, default {@code ./data})
 * @param apiKey          registered as a key of context {@code default} when set ({@code SPECTRON_API_KEY})
 * @param managementKey   the management key when set ({@code SPECTRON_MANAGEMENT_API_KEY}); else one is generated on first start
 * @param maxBodyBytes    request body limit ({@code SPECTRON_MAX_BODY_BYTES}, default 1 MiB)
 * @param providerEnvironment model provider keys and base URLs ({@code OPENAI_API_KEY}, {@code OLLAMA_BASE_URL}, ...)
 * @param traceRetention  how long retrieval and response traces are kept ({@code SPECTRON_TRACE_RETENTION_HOURS}, default 72 hours)
 * @param postgres        the PostgreSQL store ({@code SPECTRON_DATABASE_URL}, pool size {@code SPECTRON_DATABASE_POOL_SIZE});
 *                        null for the embedded SQLite store in {@code dataDir}
 */
public record ServerConfig(String host, int port, Path dataDir, String apiKey, String managementKey, long maxBodyBytes,
                           Map<String, String> providerEnvironment, Duration traceRetention, PostgresSettings postgres) {
    private static final Logger LOG = LoggerFactory.getLogger(ServerConfig.class);
    public static final int DEFAULT_PORT = 9090;
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Below this a turn of ordinary length would not fit; above it one request could pin too much memory. */
    private static final long MIN_BODY_BYTES = 1024;
    private static final java.util.regex.Pattern PROVIDER_VARIABLE =
            java.util.regex.Pattern.compile("(OPENAI|ANTHROPIC|GEMINI|GOOGLE|OLLAMA)_(API_KEY|BASE_URL)");
    private static final long MAX_BODY_BYTES = 64L * 1024 * 1024;
    public static final Duration DEFAULT_TRACE_RETENTION = Duration.ofHours(72);
    /** Traces are written in batches every quarter second; an hour is the shortest retention that means anything. */
    private static final Duration MIN_TRACE_RETENTION = Duration.ofHours(1);
    private static final Duration MAX_TRACE_RETENTION = Duration.ofDays(3650);

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535; got " + port);
        }
        if (maxBodyBytes < MIN_BODY_BYTES || maxBodyBytes > MAX_BODY_BYTES) {
            LOG.warn("max body size {} is outside [{}, {}]; using the default {}", maxBodyBytes, MIN_BODY_BYTES, MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES);
            maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        }
        apiKey = blankToNull(apiKey);
        providerEnvironment = Map.copyOf(providerEnvironment);
        managementKey = blankToNull(managementKey);
        if (traceRetention == null) {
            traceRetention = DEFAULT_TRACE_RETENTION;
        } else if (traceRetention.compareTo(MIN_TRACE_RETENTION) < 0 || traceRetention.compareTo(MAX_TRACE_RETENTION) > 0) {
            LOG.warn("trace retention of {} hours is outside [{}, {}]; using the default {}", traceRetention.toHours(),
                    MIN_TRACE_RETENTION.toHours(), MAX_TRACE_RETENTION.toHours(), DEFAULT_TRACE_RETENTION.toHours());
            traceRetention = DEFAULT_TRACE_RETENTION;
        }
    }

    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", DEFAULT_PORT, Path.of("data"), null, null, DEFAULT_MAX_BODY_BYTES, Map.of(), DEFAULT_TRACE_RETENTION, null);
    }

    /** Reads the {@code SPECTRON_*} variables over the defaults. */
    public static ServerConfig fromEnvironment(Map<String, String> env) {
        ServerConfig config = defaults();
        String bind = env.get("SPECTRON_BIND_ADDRESS");
        if (bind != null && !bind.isBlank()) {
            config = config.withBindAddress(bind);
        }
        String dataDir = env.get("SPECTRON_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            config = config.withDataDir(Path.of(dataDir));
        }
        String maxBody = env.get("SPECTRON_MAX_BODY_BYTES");
        long bodyLimit = config.maxBodyBytes;
        if (maxBody != null && !maxBody.isBlank()) {
            bodyLimit = parseLong("SPECTRON_MAX_BODY_BYTES", maxBody);
        }
        String retentionHours = env.get("SPECTRON_TRACE_RETENTION_HOURS");
        Duration traceRetention = config.traceRetention;
        if (retentionHours != null && !retentionHours.isBlank()) {
            // Clamped just past the bounds, so an absurd value gets the constructor's warning instead of an overflow.
            long hours = parseLong("SPECTRON_TRACE_RETENTION_HOURS", retentionHours);
            traceRetention = Duration.ofHours(Math.clamp(hours, 0L, MAX_TRACE_RETENTION.toHours() + 1));
        }
        Map<String, String> providers = new java.util.TreeMap<>();
        env.forEach((name, value) -> {
            if (PROVIDER_VARIABLE.matcher(name).matches() && value != null && !value.isBlank()) {
                providers.put(name, value);
            }
        });
        return new ServerConfig(config.host, config.port, config.dataDir, env.get("SPECTRON_API_KEY"),
                env.get("SPECTRON_MANAGEMENT_API_KEY"), bodyLimit, providers, traceRetention, postgres(env));
    }

    /** {@code host:port}, {@code :port} or {@code host}. */
    public ServerConfig withBindAddress(String bindAddress) {
        String value = bindAddress.strip();
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            return new ServerConfig(value, port, dataDir, apiKey, managementKey, maxBodyBytes, providerEnvironment, traceRetention, postgres);
        }
        String host = colon == 0 ? this.host : value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = (int) parseLong("bind address port", value.substring(colon + 1));
        return new ServerConfig(host, port, dataDir, apiKey, managementKey, maxBodyBytes, providerEnvironment, traceRetention, postgres);
    }

    public ServerConfig withDataDir(Path dataDir) {
        return new ServerConfig(host, port, dataDir, apiKey, managementKey, maxBodyBytes, providerEnvironment, traceRetention, postgres);
    }

    public ServerConfig withApiKey(String apiKey) {
        return new ServerConfig(host, port, dataDir, apiKey, managementKey, maxBodyBytes, providerEnvironment, traceRetention, postgres);
    }

    public ServerConfig withManagementKey(String managementKey) {
        return new ServerConfig(host, port, dataDir, apiKey, managementKey, maxBodyBytes, providerEnvironment, traceRetention, postgres);
    }

    public ServerConfig withMaxBodyBytes(long maxBodyBytes) {
        return new ServerConfig(host, port, dataDir, apiKey, managementKey, maxBodyBytes, providerEnvironment, traceRetention, postgres);
    }

    public ServerConfig withTraceRetention(Duration traceRetention) {
        return new ServerConfig(host, port, dataDir, apiKey, managementKey, maxBodyBytes, providerEnvironment, traceRetention, postgres);
    }

    /** Selects the PostgreSQL store ({@code postgresql://user:password@host:port/db} or the {@code jdbc:postgresql://} form). */
    public ServerConfig withDatabaseUrl(String databaseUrl) {
        PostgresSettings settings = PostgresSettings.fromUrl(databaseUrl.strip());
        if (postgres != null) {
            settings = settings.withPoolSize(postgres.poolSize());
        }
        return new ServerConfig(host, port, dataDir, apiKey, managementKey, maxBodyBytes, providerEnvironment, traceRetention, settings);
    }

    private static PostgresSettings postgres(Map<String, String> env) {
        String databaseUrl = env.get("SPECTRON_DATABASE_URL");
        if (databaseUrl == null || databaseUrl.isBlank()) {
            return null;
        }
        PostgresSettings postgres = PostgresSettings.fromUrl(databaseUrl.strip());
        String poolSize = env.get("SPECTRON_DATABASE_POOL_SIZE");
        return poolSize == null || poolSize.isBlank() ? postgres : postgres.withPoolSize((int) parseLong("SPECTRON_DATABASE_POOL_SIZE", poolSize));
    }

    public Path databaseFile() {
        return dataDir.resolve("spectron.db");
    }

    private static long parseLong(String what, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number; got '" + value + "'", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Keys are masked: this is what gets logged. */
    @Override
    public String toString() {
        String store = postgres == null ? "sqlite:" + databaseFile() : "postgres:" + postgres.describe();
        return "ServerConfig[bind=" + host + ":" + port + ", store=" + store + ", apiKey=" + mask(apiKey)
                + ", managementKey=" + mask(managementKey) + ", maxBodyBytes=" + maxBodyBytes + ", providerVariables=" + providerEnvironment.keySet() + ", traceRetentionHours=" + traceRetention.toHours() + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "unset" : "***";
    }
}
