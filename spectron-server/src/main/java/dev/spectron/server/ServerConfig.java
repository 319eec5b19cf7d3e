package dev.spectron.server;

import java.nio.file.Path;
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
 */
public record ServerConfig(String host, int port, Path dataDir, String apiKey, String managementKey, long maxBodyBytes,
                           Map<String, String> providerEnvironment) {
    private static final Logger LOG = LoggerFactory.getLogger(ServerConfig.class);
    public static final int DEFAULT_PORT = 9090;
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Below this a turn of ordinary length would not fit; above it one request could pin too much memory. */
    private static final long MIN_BODY_BYTES = 1024;
    private static final java.util.regex.Pattern PROVIDER_VARIABLE =
            java.util.regex.Pattern.compile("(OPENAI|ANTHROPIC|GEMINI|GOOGLE|OLLAMA)_(API_KEY|BASE_URL)");
    private static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

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
    }

    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", DEFAULT_PORT, Path.of("data"), null, null, DEFAULT_MAX_BODY_BYTES, Map.of());
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
        Map<String, String> providers = new java.util.TreeMap<>();
        env.forEach((name, value) -> {
            if (PROVIDER_VARIABLE.matcher(name).matches() && value != null && !value.isBlank()) {
                providers.put(name, value);
            }
        });
        return new ServerConfig(config.host, config.port, config.dataDir, env.get("SPECTRON_API_KEY"),
                env.get("SPECTRON_MANAGEMENT_API_KEY"), bodyLimit, providers);
    }

    /** {@code host:port}, {@code :port} or {@code host}. */
    public ServerConfig withBindAddress(String bindAddress) {
        String value = bindAddress.strip();
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            return new ServerConfig(value, port, dataDir, apiKey, managementKey, maxBodyBytes, providerEnvironment);
        }
        String host = colon == 0 ? this.host : value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = (int) parseLong("bind address port", value.substring(colon + 1));
        return new ServerConfig(host, port, dataDir, apiKey, managementKey, maxBodyBytes, providerEnvironment);
    }

    public ServerConfig withDataDir(Path dataDir) {
        return new ServerConfig(host, port, dataDir, apiKey, managementKey, maxBodyBytes, providerEnvironment);
    }

    public ServerConfig withApiKey(String apiKey) {
        return new ServerConfig(host, port, dataDir, apiKey, managementKey, maxBodyBytes, providerEnvironment);
    }

    public ServerConfig withManagementKey(String managementKey) {
        return new ServerConfig(host, port, dataDir, apiKey, managementKey, maxBodyBytes, providerEnvironment);
    }

    public ServerConfig withMaxBodyBytes(long maxBodyBytes) {
        return new ServerConfig(host, port, dataDir, apiKey, managementKey, maxBodyBytes, providerEnvironment);
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
        return "ServerConfig[bind=" + host + ":" + port + ", dataDir=" + dataDir + ", apiKey=" + mask(apiKey)
                + ", managementKey=" + mask(managementKey) + ", maxBodyBytes=" + maxBodyBytes + ", providerVariables=" + providerEnvironment.keySet() + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "unset" : "***";
    }
}
