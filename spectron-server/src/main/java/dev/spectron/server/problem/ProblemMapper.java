package dev.spectron.server.problem;

import dev.spectron.core.ConflictException;
import dev.spectron.core.InsufficientStorageException;
import dev.spectron.core.StoreUnavailableException;
import dev.spectron.core.InvalidInputException;
import dev.spectron.core.NotFoundException;
import dev.spectron.core.PayloadTooLargeException;
import dev.spectron.core.SpectronException;
import dev.spectron.core.UnauthorizedException;
import dev.spectron.core.UnprocessableException;
import dev.spectron.core.chat.ResponseModelFailure;
import dev.spectron.core.model.ModelException;
import dev.spectron.server.http.Json;
import dev.spectron.server.http.RequestIds;
import io.javalin.config.JettyConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become problem responses. Routes throw; they never build error
 * bodies. Javalin picks the most specific registered exception class.
 */
public final class ProblemMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    static final String UNREADABLE_BODY = "the request body could not be read: it ended early, or its chunked encoding or Content-Length is broken";

    private ProblemMapper() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(SpectronException.class, (e, ctx) -> send(ctx, forSpectron(e, ctx)));
        routes.exception(ResponseModelFailure.class, (e, ctx) -> send(ctx, forModelFailure(e, ctx)));
        routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, forHttp(e, ctx)));
        routes.exception(Exception.class, (e, ctx) -> {
            String requestId = RequestIds.of(ctx);
            if (isUnreadableBody(e)) {
                // Jetty failed to read the body (bad chunked encoding, fewer bytes than Content-Length): the client's fault.
                LOG.info("request {} {} {}: unreadable body: {}", requestId, ctx.method(), ctx.path(), e.toString());
                send(ctx, Problem.of(ProblemKind.INVALID_INPUT, 400, UNREADABLE_BODY, ctx.path(), null, requestId));
                return;
            }
            LOG.error("request {} {} {} failed", requestId, ctx.method(), ctx.path(), e);
            send(ctx, Problem.of(ProblemKind.INTERNAL, 500,
                    "the server failed to handle this request; quote request id " + requestId + " when reporting it",
                    ctx.path(), null, requestId));
        });
    }

    /** Jetty's own errors (before any route runs) as problem+json, on the server and on Javalin's servlet context. */
    public static void register(JettyConfig jetty) {
        JettyProblems problems = new JettyProblems();
        jetty.modifyServer(server -> server.setErrorHandler(problems));
        jetty.modifyServletContextHandler(context -> context.setErrorHandler(problems));
    }

    static Problem forSpectron(SpectronException e, Context ctx) {
        String path = ctx.path();
        String requestId = RequestIds.of(ctx);
        return switch (e) {
            case InvalidInputException invalid -> Problem.of(ProblemKind.INVALID_INPUT, 400, invalid.getMessage(), path, invalid.field(), requestId);
            case UnauthorizedException unauthorized -> {
                ctx.header("WWW-Authenticate", "Bearer");
                yield Problem.of(ProblemKind.UNAUTHORIZED, 401, unauthorized.getMessage(), path, null, requestId);
            }
            case NotFoundException notFound -> Problem.of(ProblemKind.NOT_FOUND, 404, notFound.getMessage(), path, null, requestId);
            case ConflictException conflict -> Problem.of(ProblemKind.CONFLICT, 409, conflict.getMessage(), path, null, requestId);
            case PayloadTooLargeException tooLarge -> Problem.of(ProblemKind.PAYLOAD_TOO_LARGE, 413, tooLarge.getMessage(), path, null, requestId);
            case UnprocessableException unprocessable -> Problem.of(ProblemKind.UNPROCESSABLE, 422, unprocessable.getMessage(), path, null, requestId);
            case InsufficientStorageException full -> {
                LOG.error("request {} {} {}: {}", requestId, ctx.method(), path, full.getMessage());
                yield Problem.of(ProblemKind.INSUFFICIENT_STORAGE, 507, full.getMessage(), path, null, requestId);
            }
            case StoreUnavailableException down -> {
                LOG.error("request {} {} {}: {}", requestId, ctx.method(), path, down.getMessage());
                ctx.header("Retry-After", "1");
                yield Problem.of(ProblemKind.STORE_UNAVAILABLE, 503, "the database is unavailable; nothing was written; retry shortly",
                        path, null, requestId);
            }
        };
    }

    /**
     * A chat whose response model failed: 503 when waiting may help (outage, timeout, rate limit;
     * with the provider's {@code Retry-After}), 502 when the provider answered but not usefully.
     */
    public static Problem forModelFailure(ResponseModelFailure failure, Context ctx) {
        ModelException cause = failure.modelError();
        boolean transient_ = cause.retryable();
        if (transient_) {
            cause.retryAfter().ifPresent(wait -> ctx.header("Retry-After", String.valueOf(Math.max(1, wait.toSeconds()))));
        }
        LOG.warn("request {}: response model {} failed ({}): {}", RequestIds.of(ctx), cause.provider(), cause.kind(), cause.getMessage());
        return Problem.of(transient_ ? ProblemKind.MODEL_UNAVAILABLE : ProblemKind.MODEL_FAILED, transient_ ? 503 : 502,
                        failure.getMessage(), ctx.path(), null, RequestIds.of(ctx))
                .withChat(cause.provider(), failure.sessionId(), failure.userTurnId());
    }

    /** Jetty's own failures while reading a body: an {@link HttpException} (its status is 4xx) or an early end of input. */
    private static boolean isUnreadableBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500 || t instanceof EofException) {
                return true;
            }
        }
        return false;
    }

    /** Javalin's own refusals: unknown route, wrong method, body over {@code maxRequestSize}; details in our words, never Javalin's. */
    static Problem forHttp(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        if (status == 405 && !e.getDetails().isEmpty()) {
            ctx.header("Allow", String.join(", ", e.getDetails().values())); // RFC 9110 §15.5.6: the methods the path takes
        }
        ProblemKind kind = switch (status) {
            case 404 -> ProblemKind.NOT_FOUND;
            case 405 -> ProblemKind.METHOD_NOT_ALLOWED;
            case 413 -> ProblemKind.PAYLOAD_TOO_LARGE;
            default -> ProblemKind.HTTP_ERROR;
        };
        String detail = switch (kind) {
            case NOT_FOUND -> "no route " + ctx.method() + " " + ctx.path();
            case METHOD_NOT_ALLOWED -> "method " + ctx.method() + " is not allowed on " + ctx.path();
            case PAYLOAD_TOO_LARGE -> "the request body is larger than the limit (SPECTRON_MAX_BODY_BYTES)";
            default -> "HTTP " + status + " " + io.javalin.http.HttpStatus.forStatus(status).getMessage();
        };
        return Problem.of(kind, status, detail, ctx.path(), null, RequestIds.of(ctx));
    }

    public static void send(Context ctx, Problem problem) {
        ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(Json.write(problem));
    }
}
