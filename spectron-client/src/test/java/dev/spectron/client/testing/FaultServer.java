package dev.spectron.client.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A tiny fault-injecting HTTP server (com.sun.net.httpserver) on a random loopback port. Each
 * request takes the next scripted {@link Behaviour}; when the script is empty, the fallback
 * (by default: forward to the real server, as a proxy). Every request is recorded.
 */
public final class FaultServer implements AutoCloseable {
    /** What to do with one request. */
    @FunctionalInterface
    public interface Behaviour {
        void handle(Recorded request, HttpExchange exchange) throws IOException;
    }

    /** A request as received. */
    public record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().getFirst()).orElse(null);
        }
    }

    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "host", "upgrade", "http2-settings",
            "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Behaviour> script = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<Integer> upstreamStatuses = new CopyOnWriteArrayList<>();
    private final List<String> upstreamReplays = new CopyOnWriteArrayList<>();
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private volatile Behaviour fallback;

    /** {@code target}: where {@link #forward()} sends requests (the real server), or null. */
    public FaultServer(String target) throws IOException {
        this.target = target;
        this.fallback = forward();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Recorded recorded = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        Map.copyOf(exchange.getRequestHeaders()), body);
                requests.add(recorded);
                Behaviour next = script.poll();
                (next == null ? fallback : next).handle(recorded, exchange);
            } catch (IOException | RuntimeException e) {
                // The client may have gone away (timeouts); nothing to report to it.
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues behaviours for the next requests, in order. */
    public FaultServer then(Behaviour... behaviours) {
        script.addAll(List.of(behaviours));
        return this;
    }

    public FaultServer fallback(Behaviour behaviour) {
        this.fallback = behaviour;
        return this;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** Status codes the real server returned to forwarded requests, in order. */
    public List<Integer> upstreamStatuses() {
        return List.copyOf(upstreamStatuses);
    }

    /** The {@code Idempotent-Replayed} header of each forwarded response ("" when absent). */
    public List<String> upstreamReplays() {
        return List.copyOf(upstreamReplays);
    }

    // ---- behaviours ----

    /** Answers {@code status} with a problem+json body and extra headers. */
    public static Behaviour problem(int status, String type, String detail, Map<String, String> headers) {
        String body = "{\"type\":\"urn:spectron:problem:" + type + "\",\"title\":\"" + type + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"requestId\":\"req_fault\"}";
        return raw(status, "application/problem+json", body, headers);
    }

    public static Behaviour raw(int status, String contentType, String body, Map<String, String> headers) {
        return (request, exchange) -> {
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", contentType);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        };
    }

    /** Waits, then answers 200 {} (too late for a short client timeout). */
    public static Behaviour delay(Duration wait) {
        return (request, exchange) -> {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            raw(200, "application/json", "{}", Map.of()).handle(request, exchange);
        };
    }

    /** Closes the connection without an answer. */
    public static Behaviour hangUp() {
        return (request, exchange) -> {
            exchange.getResponseBody().close();
            throw new IOException("hung up");
        };
    }

    /** Proxies to the real server. */
    public Behaviour forward() {
        return (request, exchange) -> relay(request, exchange, null);
    }

    /** Proxies to the real server (so the write happens), then answers {@code status} instead of its response. */
    public Behaviour forwardThenFail(int status) {
        return (request, exchange) -> relay(request, exchange, status);
    }

    private void relay(Recorded request, HttpExchange exchange, Integer failWith) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target + request.path()))
                .method(request.method(), request.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = upstream.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        upstreamStatuses.add(response.statusCode());
        upstreamReplays.add(response.headers().firstValue("Idempotent-Replayed").orElse(""));
        if (failWith != null) {
            problem(failWith, "unavailable", "injected failure after forwarding", Map.of()).handle(request, exchange);
            return;
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(value -> exchange.getResponseHeaders().add(name, value));
            }
        });
        byte[] bytes = response.body();
        exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        upstream.close();
    }
}
