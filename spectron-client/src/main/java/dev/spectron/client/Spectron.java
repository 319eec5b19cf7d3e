package dev.spectron.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The entry point of the Spectron Java client: one per server and API key.
 *
 * <pre>{@code
 * try (Spectron client = Spectron.builder().baseUrl("http://localhost:9090").apiKey(key).build()) {
 *     Memory memory = client.memory("default");
 *     Session session = memory.sessions().create(Scope.of("user", "ada"));
 *     ChatResult r = session.chat("I moved to Porto last month.");
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> A client is immutable and thread-safe; share one instance across the
 * application. Every blocking method has an {@code ...Async} twin returning a
 * {@link CompletableFuture} that completes on the HTTP client's executor.
 *
 * <p><b>Failures.</b> Methods throw (or complete exceptionally with) a
 * {@link SpectronClientException}: {@link SpectronApiException} subclasses for error statuses,
 * {@link ConnectionException} and {@link RequestTimeoutException} otherwise. Reads (GET and the
 * POST reads {@code recall}/{@code context}), deletes, and writes that carry an
 * {@code Idempotency-Key} (every write gets a generated UUID unless the caller passes one) are
 * retried on 429, 502, 503, 504 and connection errors with exponential backoff and jitter,
 * honouring {@code Retry-After}, up to {@link Builder#maxRetries(int)} times (default 2). The
 * server replays the stored response of a repeated key, so a retried write is applied once.
 */
public final class Spectron implements AutoCloseable {
    /** The server used when neither {@link Builder#baseUrl(String)} nor {@code SPECTRON_URL} is set. */
    public static final String DEFAULT_BASE_URL = "http://localhost:9090";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_RETRIES = 2;
    static final String VERSION = "0.1.0";

    private final Transport transport;
    private final boolean ownsHttpClient;

    private Spectron(Transport transport, boolean ownsHttpClient) {
        this.transport = transport;
        this.ownsHttpClient = ownsHttpClient;
    }

    /** A builder; unset options fall back to {@code SPECTRON_URL} / {@code SPECTRON_API_KEY}, then defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A client configured from {@code SPECTRON_URL} (default {@value #DEFAULT_BASE_URL}) and {@code SPECTRON_API_KEY}. */
    public static Spectron fromEnv() {
        return builder().build();
    }

    /** The memory of one context (the unit of isolation; the bootstrap context is {@code default}). No request is made. */
    public Memory memory(String contextId) {
        return new Memory(transport, Objects.requireNonNull(contextId, "contextId"));
    }

    /** The server's root URL, e.g. {@code http://localhost:9090}. */
    public String baseUrl() {
        return transport.root();
    }

    /** {@code GET /api/v1/health}: the liveness document. */
    public JsonNode health() {
        return Transport.await(healthAsync());
    }

    public CompletableFuture<JsonNode> healthAsync() {
        return transport.send(Transport.Call.get("/api/v1/health"), Transport.JSON::readTree);
    }

    /** Closes the HTTP client when this client created it; a caller-supplied {@link HttpClient} stays open. */
    @Override
    public void close() {
        if (ownsHttpClient) {
            transport.http().close();
        }
    }

    /** Options of a {@link Spectron} client. Not thread-safe; {@link #build()} copies what it needs. */
    public static final class Builder {
        private String baseUrl;
        private String apiKey;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration retryBaseDelay = Duration.ofMillis(250);
        private Duration retryMaxDelay = Duration.ofSeconds(8);
        private boolean autoIdempotencyKeys = true;
        private HttpClient httpClient;
        private Map<String, String> environment = System.getenv();
        private String userAgent = "spectron-java/" + VERSION;

        private Builder() {
        }

        /** The server, e.g. {@code http://localhost:9090} (a trailing {@code /} or {@code /api/v1} is dropped). Fallback: {@code SPECTRON_URL}. */
        public Builder baseUrl(String value) {
            this.baseUrl = value;
            return this;
        }

        /** The data-plane API key, sent as {@code Authorization: Bearer <key>}. Fallback: {@code SPECTRON_API_KEY}. */
        public Builder apiKey(String value) {
            this.apiKey = value;
            return this;
        }

        /** How long to wait for a response (headers, for streams) per attempt; default 30 s. */
        public Builder timeout(Duration value) {
            this.timeout = requirePositive(value, "timeout");
            return this;
        }

        /** How long to wait for a TCP connection; default 10 s. Ignored with {@link #httpClient(HttpClient)}. */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = requirePositive(value, "connectTimeout");
            return this;
        }

        /** Retries after the first attempt of an idempotent call; 0 disables retries. Default 2. */
        public Builder maxRetries(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0; got " + value);
            }
            this.maxRetries = value;
            return this;
        }

        /** The first backoff delay (doubled per retry, jittered, capped at 8 s); default 250 ms. */
        public Builder retryBaseDelay(Duration value) {
            this.retryBaseDelay = requirePositive(value, "retryBaseDelay");
            return this;
        }

        /** Whether writes without a caller-supplied key get a generated {@code Idempotency-Key} (and become retryable). Default true. */
        public Builder autoIdempotencyKeys(boolean value) {
            this.autoIdempotencyKeys = value;
            return this;
        }

        /** A caller-managed HTTP client (proxy, TLS, executor); the {@link Spectron} will not close it. */
        public Builder httpClient(HttpClient value) {
            this.httpClient = value;
            return this;
        }

        /** Where the {@code SPECTRON_*} fallbacks are read; default {@link System#getenv()}. */
        public Builder environment(Map<String, String> value) {
            this.environment = Map.copyOf(value);
            return this;
        }

        /** The {@code User-Agent} header; default {@code spectron-java/<version>}. */
        public Builder userAgent(String value) {
            this.userAgent = Objects.requireNonNull(value, "userAgent");
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException when no API key is given here or in {@code SPECTRON_API_KEY}
         * @throws IllegalArgumentException when the base URL is not an http(s) URL
         */
        public Spectron build() {
            String url = firstNonBlank(baseUrl, environment.get("SPECTRON_URL"), DEFAULT_BASE_URL).strip();
            String key = firstNonBlank(apiKey, environment.get("SPECTRON_API_KEY"), null);
            if (key == null) {
                throw new IllegalStateException("no API key: call apiKey(...) or set SPECTRON_API_KEY");
            }
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException("baseUrl must start with http:// or https://; got '" + url + "'");
            }
            while (url.endsWith("/")) {
                url = url.substring(0, url.length() - 1);
            }
            if (url.endsWith("/api/v1")) {
                url = url.substring(0, url.length() - "/api/v1".length());
            }
            boolean owns = httpClient == null;
            HttpClient client = owns
                    ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build()
                    : httpClient;
            return new Spectron(new Transport(url, key, timeout, maxRetries, retryBaseDelay, retryMaxDelay, autoIdempotencyKeys,
                    userAgent, client, Clock.systemUTC()), owns);
        }

        private static String firstNonBlank(String a, String b, String fallback) {
            if (a != null && !a.isBlank()) {
                return a;
            }
            if (b != null && !b.isBlank()) {
                return b;
            }
            return fallback;
        }

        private static Duration requirePositive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive; got " + value);
            }
            return value;
        }
    }
}
