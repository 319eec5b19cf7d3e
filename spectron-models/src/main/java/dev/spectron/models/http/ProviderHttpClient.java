package dev.spectron.models.http;

import static dev.langchain4j.http.client.sse.ServerSentEventListenerUtils.ignoringExceptions;
import static java.util.stream.Collectors.joining;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * The transport under every provider client: the JDK HTTP client, like LangChain4j's own
 * {@code JdkHttpClient}, except that a non-2xx answer becomes a {@link ProviderHttpException}
 * carrying {@code Retry-After}. Streams are read on virtual threads.
 */
final class ProviderHttpClient implements HttpClient {

    private static final String PLAIN_HTTP = "http";

    private final java.net.http.HttpClient delegate;
    private final Duration readTimeout;

    ProviderHttpClient(Duration connectTimeout, Duration readTimeout) {
        java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder()
                .executor(Executors.newVirtualThreadPerTaskExecutor());
        if (connectTimeout != null) {
            builder.connectTimeout(connectTimeout);
        }
        this.delegate = builder.build();
        this.readTimeout = readTimeout;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            HttpResponse<String> response = delegate.send(toJdkRequest(request), BodyHandlers.ofString());
            if (!isSuccessful(response)) {
                throw failure(response, response.body());
            }
            return toSuccess(response, response.body());
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + request.url(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        StreamWatch watch = StreamWatch.current();
        CompletableFuture<HttpResponse<InputStream>> sent = delegate.sendAsync(toJdkRequest(request), BodyHandlers.ofInputStream());
        // cancelling the exchange before its headers; the body, once there, is closed instead
        watch.attach(() -> sent.cancel(true));
        sent.thenAccept(response -> {
                    if (!isSuccessful(response)) {
                        ProviderHttpException error = failure(response, readBody(response));
                        ignoringExceptions(() -> listener.onError(error));
                        return;
                    }
                    ignoringExceptions(() -> listener.onOpen(toSuccess(response, null)));
                    try (InputStream body = response.body()) {
                        watch.attach(body);
                        parser.parse(body, listener);
                        ignoringExceptions(listener::onClose);
                        watch.bodyEnded();
                    } catch (IOException e) {
                        ignoringExceptions(() -> listener.onError(new UncheckedIOException(e)));
                    }
                })
                .exceptionally(failure -> {
                    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                    Throwable error = cause instanceof HttpTimeoutException ? new TimeoutException(cause) : cause;
                    ignoringExceptions(() -> listener.onError(error));
                    return null;
                });
    }

    private java.net.http.HttpRequest toJdkRequest(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new IllegalArgumentException("multipart requests are not used by chat models");
        }
        URI uri = URI.create(request.url());
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(uri);
        if (PLAIN_HTTP.equalsIgnoreCase(uri.getScheme())) {
            // Without TLS the JDK client offers an h2c upgrade on a request with a body; local model
            // servers (uvicorn-based vLLM, LM Studio, proxies) vary in how they take that, and gain nothing.
            builder.version(java.net.http.HttpClient.Version.HTTP_1_1);
        }
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        builder.method(request.method().name(), request.body() == null
                ? BodyPublishers.noBody()
                : BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        return builder.build();
    }

    private static ProviderHttpException failure(HttpResponse<?> response, String body) {
        return new ProviderHttpException(response.statusCode(), body,
                RetryAfter.from(response.headers(), Clock.systemUTC()).orElse(null));
    }

    private static SuccessfulHttpResponse toSuccess(HttpResponse<?> response, String body) {
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .body(body)
                .build();
    }

    private static boolean isSuccessful(HttpResponse<?> response) {
        return response.statusCode() >= 200 && response.statusCode() < 300;
    }

    private static String readBody(HttpResponse<InputStream> response) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            return reader.lines().collect(joining("\n"));
        } catch (IOException e) {
            return "(error body unreadable: " + e.getMessage() + ")";
        }
    }
}
