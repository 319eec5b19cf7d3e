package dev.spectron.server.problem;

import dev.spectron.core.Ids;
import dev.spectron.server.http.Json;
import dev.spectron.server.http.RequestIds;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's own refusals, made before a request reaches a route (headers too large, a bad URI or
 * UTF-8 in the path, a bad Content-Length...), as problem+json like every other error instead of
 * Jetty's HTML page (issue 20 point 1). Details are our words: Jetty's reason picks one, and is
 * never shown itself.
 */
final class JettyProblems extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JettyProblems.class);
    /** Jetty's default {@code HttpConfiguration.requestHeaderSize}: the request line and headers together. */
    static final int HEADER_LIMIT_BYTES = 8192;
    /** What Jetty puts as the path of a request line it could not parse. */
    private static final String UNPARSED_PATH = "/badMessage";

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String path = request.getHttpURI() == null || request.getHttpURI().getPath() == null ? "/" : request.getHttpURI().getPath();
        if (path.equals(UNPARSED_PATH)) {
            path = "/";
        }
        String requestId = Ids.newId("req_", Instant.now());
        Problem problem = problem(code, message, path, requestId);
        // Jetty drops the connection after refusing a request it could not parse; say so (see badMessageError).
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(RequestIds.HEADER, requestId);
        response.write(true, ByteBuffer.wrap(Json.write(problem).getBytes(StandardCharsets.UTF_8)), callback);
    }

    /**
     * Errors found before there is a request to speak of, e.g. a header section over the limit.
     * Jetty closes the connection after them without saying so; {@code Connection: close} tells
     * the client, so that it does not send its next request down the dead connection (which
     * FuzzIT saw fail with no reply at all).
     */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = Ids.newId("req_", Instant.now());
        fields.put(HttpHeader.CONNECTION, "close");
        fields.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        fields.put(RequestIds.HEADER, requestId);
        return ByteBuffer.wrap(Json.write(problem(status, reason, "/", requestId)).getBytes(StandardCharsets.UTF_8));
    }

    static Problem problem(int status, String reason, String path, String requestId) {
        if (status >= 500) {
            LOG.warn("request {} {}: refused by Jetty with {} ({})", requestId, path, status, reason);
        } else {
            LOG.debug("request {} {}: refused by Jetty with {} ({})", requestId, path, status, reason);
        }
        ProblemKind kind = switch (status) {
            case 400 -> ProblemKind.INVALID_INPUT;
            case 404 -> ProblemKind.NOT_FOUND;
            case 405 -> ProblemKind.METHOD_NOT_ALLOWED;
            case 413 -> ProblemKind.PAYLOAD_TOO_LARGE;
            case 500 -> ProblemKind.INTERNAL;
            default -> ProblemKind.HTTP_ERROR;
        };
        return Problem.of(kind, status, detail(status, reason == null ? "" : reason.toLowerCase(Locale.ROOT), requestId), path, null, requestId);
    }

    private static String detail(int status, String reason, String requestId) {
        return switch (status) {
            case 400 -> reason.contains("utf") ? "the URL is not valid UTF-8 once percent-decoded"
                    : reason.contains("content-length") ? "Content-Length is repeated, negative or not a number"
                    : reason.contains("host") ? "the request has no valid Host header"
                    : reason.contains("path") || reason.contains("uri") ? "the URL path holds a character or segment this server does not accept"
                            + " (e.g. %00, a control character, or '..' above the root)"
                    : "the request is not valid HTTP/1.1";
            case 413 -> "the request body is larger than the limit (SPECTRON_MAX_BODY_BYTES)";
            case 414 -> "the request URL is longer than the limit (" + HEADER_LIMIT_BYTES + " bytes for the request line and headers)";
            case 431 -> "the request headers are larger than the limit (" + HEADER_LIMIT_BYTES + " bytes for the request line and headers)";
            case 500 -> "the server failed to handle this request; quote request id " + requestId + " when reporting it";
            case 505 -> "this HTTP version is not supported; use HTTP/1.1";
            default -> "HTTP " + status + " " + HttpStatus.getMessage(status);
        };
    }
}
