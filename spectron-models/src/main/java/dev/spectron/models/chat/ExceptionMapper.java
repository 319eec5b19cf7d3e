package dev.spectron.models.chat;

import static dev.spectron.core.model.ModelException.Kind.AUTHENTICATION;
import static dev.spectron.core.model.ModelException.Kind.INVALID_REQUEST;
import static dev.spectron.core.model.ModelException.Kind.RATE_LIMITED;
import static dev.spectron.core.model.ModelException.Kind.REFUSED;
import static dev.spectron.core.model.ModelException.Kind.TIMEOUT;
import static dev.spectron.core.model.ModelException.Kind.UNAVAILABLE;

import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.spectron.core.model.JsonReplyParser;
import dev.spectron.core.model.ModelException;
import dev.spectron.models.http.ProviderHttpException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.function.Supplier;

/**
 * The one place where provider failures become {@link ModelException}s: by HTTP status where
 * there is one (as LangChain4j's own {@code ExceptionMapper} does), else by the transport failure
 * in the cause chain. The original exception is always kept as the cause.
 */
final class ExceptionMapper {

    private static final int TOO_MANY_REQUESTS = 429;
    private static final int REQUEST_TIMEOUT = 408;
    /**
     * Gemini answers a wrong key with 400 INVALID_ARGUMENT, not 401; the structured reason code in
     * its ErrorInfo detail is what tells (https://cloud.google.com/apis/design/errors#error_info).
     */
    private static final String GOOGLE_INVALID_KEY_REASON = "\"API_KEY_INVALID\"";

    private final String provider;

    ExceptionMapper(String provider) {
        this.provider = provider;
    }

    /** Runs {@code action}, translating whatever it throws. */
    <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (ModelException | DeltaConsumerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw map(e);
        }
    }

    ModelException map(Throwable failure) {
        if (failure instanceof ModelException mapped) {
            return mapped;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                return byStatus(http, failure);
            }
            if (t instanceof HttpTimeoutException || t instanceof dev.langchain4j.exception.TimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return new ModelException(TIMEOUT, provider, provider + " did not answer in time", failure);
            }
            if (t instanceof ContentFilteredException) {
                return new ModelException(REFUSED, provider, provider + " withheld the answer: " + t.getMessage(), failure);
            }
            if (t instanceof UnsupportedFeatureException || t instanceof IllegalArgumentException) {
                // LangChain4j validates requests with IllegalArgumentException; sending again cannot help
                return new ModelException(INVALID_REQUEST, provider,
                        provider + " cannot take this request: " + t.getMessage(), failure);
            }
            if (t instanceof IOException || t instanceof UnresolvedAddressException) {
                // Jackson's parse errors are IOExceptions too: an unreadable body is as good as no answer
                return new ModelException(UNAVAILABLE, provider, "no usable answer from " + provider + ": " + t, failure);
            }
        }
        return new ModelException(UNAVAILABLE, provider, provider + " call failed: " + failure, failure);
    }

    private ModelException byStatus(HttpException http, Throwable failure) {
        int status = http.statusCode();
        String detail = provider + " answered " + status + ": " + JsonReplyParser.excerpt(http.getMessage());
        if (status == TOO_MANY_REQUESTS) {
            return new ModelException(RATE_LIMITED, provider, detail, failure,
                    http instanceof ProviderHttpException withHeaders ? withHeaders.retryAfter().orElse(null) : null);
        }
        if (status >= 500) {
            return new ModelException(UNAVAILABLE, provider, detail, failure);
        }
        if (status == REQUEST_TIMEOUT) {
            return new ModelException(TIMEOUT, provider, detail, failure);
        }
        if (status == 401 || status == 403 || isGoogleInvalidKey(status, http.getMessage())) {
            return new ModelException(AUTHENTICATION, provider,
                    detail + " (check the API key configured for " + provider + ")", failure);
        }
        if (status == 404) {
            return new ModelException(INVALID_REQUEST, provider,
                    detail + " (unknown model, or a base_url without the API path)", failure);
        }
        return new ModelException(INVALID_REQUEST, provider, detail, failure);
    }

    private static boolean isGoogleInvalidKey(int status, String body) {
        return status == 400 && body != null && body.contains(GOOGLE_INVALID_KEY_REASON);
    }
}
