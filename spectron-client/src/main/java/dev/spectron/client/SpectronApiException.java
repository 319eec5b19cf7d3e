package dev.spectron.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/**
 * The server answered with an error status and (usually) an RFC 9457 problem body
 * ({@code {type, title, status, detail, message, instance, field, requestId}}). This class itself
 * is thrown for statuses without a dedicated subclass (e.g. 405, 413); the subclasses cover
 * 400/422, 401, 403, 404, 409, 429 and 5xx.
 */
public sealed class SpectronApiException extends SpectronClientException
        permits AuthenticationException, PermissionDeniedException, NotFoundException, ValidationException,
        ConflictException, RateLimitException, ServerException {
    private final Problem problem;

    public SpectronApiException(Problem problem) {
        super(problem.summary(), null);
        this.problem = problem;
    }

    @Override
    public int status() {
        return problem.status();
    }

    /** The parsed problem body and response details. */
    public Problem problem() {
        return problem;
    }

    /** The problem type, e.g. {@code urn:spectron:problem:not-found}; null when the body had none. */
    public String type() {
        return problem.type();
    }

    /** The human-readable explanation ({@code detail}, else {@code message}, else {@code title}). */
    public String detail() {
        return problem.detail();
    }

    /** The server's request id (problem field {@code requestId} or header {@code X-Request-Id}), for support. */
    public String requestId() {
        return problem.requestId();
    }

    /** The {@code Retry-After} the server sent, if any (429 and 503 carry it). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(problem.retryAfter());
    }

    /**
     * A problem response, as received.
     *
     * @param status     HTTP status
     * @param type       problem type URI, or null
     * @param title      short summary, or null
     * @param detail     explanation ({@code detail}, else {@code message}, else {@code title}), or null
     * @param instance   the request path the problem is about, or null
     * @param field      the offending input field (400), or null
     * @param requestId  the request id, or null
     * @param retryAfter parsed {@code Retry-After}, or null
     * @param body       the whole JSON body (extensions such as {@code provider}), or null when it was not JSON
     */
    public record Problem(int status, String type, String title, String detail, String instance, String field,
                          String requestId, Duration retryAfter, JsonNode body) {
        /** A text field of the body, e.g. {@code provider}; null when absent. */
        public String extension(String name) {
            JsonNode value = body == null ? null : body.get(name);
            return value == null || value.isNull() ? null : value.asText();
        }

        String summary() {
            StringBuilder text = new StringBuilder("HTTP ").append(status);
            if (detail != null && !detail.isBlank()) {
                text.append(": ").append(detail);
            } else if (title != null) {
                text.append(": ").append(title);
            }
            if (requestId != null) {
                text.append(" (request ").append(requestId).append(')');
            }
            return text.toString();
        }
    }
}
