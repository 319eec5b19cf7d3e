package dev.spectron.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The HTTP exchange shared by every verb: headers, idempotency keys, retries with backoff, error
 * mapping, JSON decoding. Thread-safe; one per {@link Spectron}.
 */
final class Transport {
    static final Set<Integer> RETRY_STATUSES = Set.of(429, 502, 503, 504);
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    /** A {@code Retry-After} longer than this is not waited for: the error goes to the caller. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** One request. {@code write} requests get an {@code Idempotency-Key}. */
    record Call(String method, String path, Object body, boolean write, String idempotencyKey, boolean stream) {
        static Call get(String path) {
            return new Call("GET", path, null, false, null, false);
        }

        static Call delete(String path) {
            return new Call("DELETE", path, null, false, null, false);
        }

        /** A POST that only reads (query, context): retryable, no key. */
        static Call read(String path, Object body) {
            return new Call("POST", path, body, false, null, false);
        }

        static Call write(String path, Object body, String idempotencyKey) {
            return new Call("POST", path, body, true, idempotencyKey, false);
        }

        Call streaming() {
            return new Call(method, path, body, write, idempotencyKey, true);
        }
    }

    @FunctionalInterface
    interface Decoder<T> {
        T decode(byte[] body) throws IOException;
    }

    private final String root;
    private final String apiKey;
    private final Duration timeout;
    private final int maxRetries;
    private final Duration retryBaseDelay;
    private final Duration retryMaxDelay;
    private final boolean autoIdempotencyKeys;
    private final String userAgent;
    private final HttpClient http;
    private final Clock clock;

    Transport(String root, String apiKey, Duration timeout, int maxRetries, Duration retryBaseDelay, Duration retryMaxDelay,
              boolean autoIdempotencyKeys, String userAgent, HttpClient http, Clock clock) {
        this.root = root;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.maxRetries = maxRetries;
        this.retryBaseDelay = retryBaseDelay;
        this.retryMaxDelay = retryMaxDelay;
        this.autoIdempotencyKeys = autoIdempotencyKeys;
        this.userAgent = userAgent;
        this.http = http;
        this.clock = clock;
    }

    String root() {
        return root;
    }

    HttpClient http() {
        return http;
    }

    /** Sends {@code call} and decodes a 2xx body with {@code decoder}. */
    <T> CompletableFuture<T> send(Call call, Decoder<T> decoder) {
        return exchange(call, HttpResponse.BodyHandlers.ofByteArray(), body -> body).thenApply(response -> {
            try {
                return decoder.decode(response.body());
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(unreadable(response.statusCode(), e));
            }
        });
    }

    /** Sends {@code call} and hands over the open body of a 2xx response (for SSE). */
    CompletableFuture<HttpResponse<InputStream>> open(Call call) {
        return exchange(call.streaming(), HttpResponse.BodyHandlers.ofInputStream(), Transport::drain);
    }

    private <B> CompletableFuture<HttpResponse<B>> exchange(Call call, HttpResponse.BodyHandler<B> handler, Function<B, byte[]> errorBody) {
        String key = null;
        if (call.write()) {
            key = call.idempotencyKey() != null ? call.idempotencyKey() : autoIdempotencyKeys ? UUID.randomUUID().toString() : null;
        }
        boolean retryable = !call.write() || key != null;
        HttpRequest request;
        try {
            request = request(call, key);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("request body is not serialisable: " + e.getMessage(), e));
        }
        return attempt(request, handler, errorBody, retryable, 0);
    }

    private <B> CompletableFuture<HttpResponse<B>> attempt(HttpRequest request, HttpResponse.BodyHandler<B> handler,
                                                          Function<B, byte[]> errorBody, boolean retryable, int attempt) {
        String what = request.method() + " " + request.uri().getPath();
        return http.sendAsync(request, handler).handle((response, failure) -> {
            if (failure != null) {
                SpectronClientException error = Errors.fromThrowable(failure, timeout, what);
                if (retryable && attempt < maxRetries && error instanceof ConnectionException) {
                    return later(backoff(attempt, null), () -> attempt(request, handler, errorBody, true, attempt + 1));
                }
                return CompletableFuture.<HttpResponse<B>>failedFuture(error);
            }
            int status = response.statusCode();
            if (status < 400) {
                return CompletableFuture.completedFuture(response);
            }
            SpectronApiException error = Errors.fromResponse(status, response.headers(), errorBody.apply(response.body()), JSON, clock.instant());
            if (retryable && attempt < maxRetries && RETRY_STATUSES.contains(status)) {
                Duration wait = backoff(attempt, error.retryAfter().orElse(null));
                if (wait != null) {
                    return later(wait, () -> attempt(request, handler, errorBody, true, attempt + 1));
                }
            }
            return CompletableFuture.<HttpResponse<B>>failedFuture(error);
        }).thenCompose(Function.identity());
    }

    /** Exponential backoff with jitter, at least {@code Retry-After}; null when the server asks for too long a wait. */
    Duration backoff(int attempt, Duration retryAfter) {
        long base = retryBaseDelay.toMillis() << Math.min(attempt, 20);
        long capped = Math.min(base, retryMaxDelay.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        if (retryAfter == null) {
            return Duration.ofMillis(jittered);
        }
        if (retryAfter.compareTo(MAX_RETRY_AFTER) > 0) {
            return null;
        }
        return Duration.ofMillis(Math.max(retryAfter.toMillis(), jittered));
    }

    private static <R> CompletableFuture<R> later(Duration wait, java.util.function.Supplier<CompletableFuture<R>> next) {
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS))
                .thenCompose(ignored -> next.get());
    }

    private HttpRequest request(Call call, String idempotencyKey) throws JsonProcessingException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + call.path()))
                .timeout(timeout)
                .header("Accept", call.stream() ? "text/event-stream" : "application/json")
                .header("User-Agent", userAgent);
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        if (idempotencyKey != null) {
            builder.header(IDEMPOTENCY_HEADER, idempotencyKey);
        }
        if (call.body() != null) {
            builder.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(call.body())));
        } else {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    SpectronApiException unreadable(int status, IOException e) {
        var problem = new SpectronApiException.Problem(status, null, null, "unreadable response body: " + e.getMessage(),
                null, null, null, null, null);
        return status >= 500 ? new ServerException(problem) : new SpectronApiException(problem);
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    // ---- decoding helpers ----

    static <T> Decoder<T> as(Class<T> type) {
        return body -> JSON.readValue(body, type);
    }

    /** Decodes one field of the response object, e.g. {@code {"entities": [...]}}. */
    static <T> Decoder<T> field(String name, JavaType type) {
        return body -> {
            JsonNode node = JSON.readTree(body).get(name);
            return node == null || node.isNull() ? JSON.convertValue(JSON.createArrayNode(), type) : JSON.convertValue(node, type);
        };
    }

    static JavaType listOf(Class<?> element) {
        return JSON.getTypeFactory().constructCollectionType(java.util.List.class, element);
    }

    static Decoder<Void> none() {
        return body -> null;
    }

    /** A path segment, percent-encoded. */
    static String seg(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Waits for an async call and rethrows its {@link SpectronClientException} on the caller's thread. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("interrupted while waiting for the server");
            cancelled.initCause(e);
            throw cancelled;
        } catch (ExecutionException e) {
            Throwable cause = Errors.unwrap(e);
            if (cause instanceof SpectronClientException known) {
                throw known;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }
}
