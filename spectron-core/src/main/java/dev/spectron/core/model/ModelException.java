package dev.spectron.core.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A language-model call failed, sorted by what the caller can do about it.
 *
 * <p>Deliberately outside the sealed {@code SpectronException} tree: a model failure is not a
 * fault in the caller's request, and the server maps it on its own (provider outages to 502/503,
 * misconfiguration to 422). {@link #retryable()} follows from the {@link Kind} alone.
 */
public final class ModelException extends RuntimeException {

    /** What went wrong, in terms of what the caller can do next. */
    public enum Kind {
        /** 429: the provider throttled us; retry after a pause. */
        RATE_LIMITED(true),
        /** 5xx, connection refused or reset: the provider is down or overloaded. */
        UNAVAILABLE(true),
        /** No answer within the configured timeout, or the call's total deadline passed. */
        TIMEOUT(true),
        /** 401/403: the key is missing, wrong or lacks access. */
        AUTHENTICATION(false),
        /** Other 4xx (unknown model, bad parameter) or a call the provider cannot serve. */
        INVALID_REQUEST(false),
        /** The model answered, but not with what was asked for (no valid JSON object). */
        MALFORMED_OUTPUT(false),
        /**
         * The answer stopped before its end marker (a stream cut short): what arrived is a part
         * of an answer, not one, and must not be stored or shown as whole.
         */
        CUT_OFF(false),
        /** The provider's safety filter withheld the answer. */
        REFUSED(false),
        /** The model spec or credentials are incomplete; detected before any call is made. */
        MISCONFIGURED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final String provider;
    private final Duration retryAfter;

    public ModelException(Kind kind, String provider, String message) {
        this(kind, provider, message, null, null);
    }

    public ModelException(Kind kind, String provider, String message, Throwable cause) {
        this(kind, provider, message, cause, null);
    }

    /**
     * @param retryAfter how long the provider asked us to wait (its {@code Retry-After}), or
     *     {@code null} when it did not say
     */
    public ModelException(Kind kind, String provider, String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The provider id ({@code openai}, {@code anthropic}, ...), for logs and problem details. */
    public String provider() {
        return provider;
    }

    public boolean retryable() {
        return kind.retryable();
    }

    /** The wait the provider asked for, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
