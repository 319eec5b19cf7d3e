package dev.spectron.models.embedding.gemini;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.spectron.models.http.ProviderHttpClientBuilder;
import java.time.Duration;

/** Our transport, with every failed exchange turned into an {@link AttemptFailed}. */
final class SingleAttemptHttpClient implements HttpClient {

    private final HttpClient delegate;

    private SingleAttemptHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            return delegate.execute(request);
        } catch (RuntimeException e) {
            throw new AttemptFailed(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        delegate.execute(request, parser, listener);
    }

    /** Hands GoogleAiEmbeddingModel the single-attempt client; timeouts as set by the model. */
    static final class Builder implements HttpClientBuilder {

        private final ProviderHttpClientBuilder transport = new ProviderHttpClientBuilder();

        @Override
        public Duration connectTimeout() {
            return transport.connectTimeout();
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            transport.connectTimeout(timeout);
            return this;
        }

        @Override
        public Duration readTimeout() {
            return transport.readTimeout();
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            transport.readTimeout(timeout);
            return this;
        }

        @Override
        public HttpClient build() {
            return new SingleAttemptHttpClient(transport.build());
        }
    }
}
