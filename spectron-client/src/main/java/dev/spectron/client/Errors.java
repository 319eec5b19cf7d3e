package dev.spectron.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns error responses and transport failures into the typed exceptions. */
final class Errors {
    private Errors() {
    }

    /** An error response: status, headers, body (problem JSON or anything else). */
    static SpectronApiException fromResponse(int status, HttpHeaders headers, byte[] body, ObjectMapper json, Instant now) {
        JsonNode node = null;
        if (body != null && body.length > 0) {
            try {
                JsonNode parsed = json.readTree(body);
                node = parsed != null && parsed.isObject() ? parsed : null;
            } catch (IOException notJson) {
                node = null;
            }
        }
        String headerRequestId = headers.firstValue("X-Request-Id").orElse(null);
        Duration retryAfter = headers.firstValue("Retry-After").map(value -> parseRetryAfter(value, now)).orElse(null);
        String fallbackDetail = node == null && body != null && body.length > 0
                ? truncate(new String(body, java.nio.charset.StandardCharsets.UTF_8).strip(), 500) : null;
        return fromProblem(status, node, headerRequestId, retryAfter, fallbackDetail);
    }

    /**
     * A problem object, from a response body or a streamed {@code event: error}; the status comes
     * from the problem's own {@code status} when {@code status} is 0.
     */
    static SpectronApiException fromProblem(int status, JsonNode node, String headerRequestId, Duration retryAfter, String fallbackDetail) {
        if (status == 0) {
            status = node != null && node.path("status").canConvertToInt() && node.path("status").asInt() > 0 ? node.path("status").asInt() : 500;
        }
        String detail = firstText(node, "detail", "message", "error", "title");
        if (detail == null) {
            detail = fallbackDetail;
        }
        if (retryAfter == null && node != null && node.hasNonNull("retry_after") && node.get("retry_after").canConvertToLong()) {
            retryAfter = Duration.ofSeconds(node.get("retry_after").asLong());
        }
        String requestId = firstText(node, "requestId", "request_id");
        var problem = new SpectronApiException.Problem(status, firstText(node, "type"), firstText(node, "title"), detail,
                firstText(node, "instance"), firstText(node, "field"), requestId != null ? requestId : headerRequestId, retryAfter, node);
        return switch (status) {
            case 400, 422 -> new ValidationException(problem);
            case 401 -> new AuthenticationException(problem);
            case 403 -> new PermissionDeniedException(problem);
            case 404 -> new NotFoundException(problem);
            case 409 -> new ConflictException(problem);
            case 429 -> new RateLimitException(problem);
            default -> status >= 500 ? new ServerException(problem) : new SpectronApiException(problem);
        };
    }

    /** A failure without an HTTP answer. */
    static SpectronClientException fromThrowable(Throwable failure, Duration timeout, String what) {
        Throwable cause = unwrap(failure);
        if (cause instanceof SpectronClientException known) {
            return known;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new ConnectionException(what + ": could not connect within the connect timeout", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new RequestTimeoutException(what + ": no response within " + timeout, timeout, cause);
        }
        if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException
                || cause.getCause() instanceof UnresolvedAddressException) {
            return new ConnectionException(what + ": could not connect (" + describe(cause) + ")", cause);
        }
        return new ConnectionException(what + ": " + describe(cause), cause);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** {@code Retry-After}: delay-seconds or an HTTP date; null when unreadable. */
    static Duration parseRetryAfter(String value, Instant now) {
        String text = value.strip();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static String firstText(JsonNode node, String... names) {
        if (node == null) {
            return null;
        }
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull() && !value.isContainerNode() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static String truncate(String text, int max) {
        return text.isEmpty() ? null : text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
