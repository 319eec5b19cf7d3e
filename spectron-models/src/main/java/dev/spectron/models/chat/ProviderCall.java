package dev.spectron.models.chat;

import java.util.function.Supplier;

/**
 * One provider exchange under the module's retry policy and exception mapping, for adapters that
 * are not chat models (the embedders): the same {@link Retrier} around the same
 * {@link ExceptionMapper}, so every provider failure surfaces as the same {@code ModelException}
 * after the same retries.
 */
public final class ProviderCall {

    private final ExceptionMapper mapper;
    private final Retrier retrier;

    private ProviderCall(String provider, RetryPolicy policy) {
        this.mapper = new ExceptionMapper(provider);
        this.retrier = Retrier.sleeping(provider, policy);
    }

    /** @param provider the provider id named in failures and retry logs ({@code "openai"}, ...) */
    public static ProviderCall of(String provider, RetryPolicy policy) {
        return new ProviderCall(provider, policy);
    }

    /** Runs {@code attempt}, retrying it while it fails with a retryable kind. */
    public <T> T run(Supplier<T> attempt) {
        return retrier.call(() -> mapper.call(attempt));
    }
}
