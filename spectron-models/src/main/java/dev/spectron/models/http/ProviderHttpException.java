package dev.spectron.models.http;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * A non-2xx answer, with the wait the provider asked for. LangChain4j's own {@link HttpException}
 * carries the status and body only, so a 429's {@code Retry-After} would be lost on the way to
 * the retry policy; the providers' clients pass this subclass through untouched.
 */
public final class ProviderHttpException extends HttpException {

    private final Duration retryAfter;

    ProviderHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
