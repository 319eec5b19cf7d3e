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
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become problem responses. Routes throw; they never build error
 * bodies. Javalin picks the most specific registered exception class.
 */
public final class ProblemMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    private ProblemMapper() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(SpectronException.class, (e, ctx) -> send(ctx, forSpectron(e, ctx)));
        routes.exception(ResponseModelFailure.class, (e, ctx) -> send(ctx, forModelFailure(e, ctx)));
        routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, forHttp(e, ctx)));
        routes.exception(Exception.class, (e, ctx) -> {
            String requestId = RequestIds.of(ctx);
            LOG.error("request {} {} {} failed", requestId, ctx.method(), ctx.path(), e);
            send(ctx, Problem.of(ProblemKind.INTERNAL, 500,
                    "the server failed to handle this request; quote request id " + requestId + " when reporting it",
                    ctx.path(), null, requestId));
        });
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

    /** Javalin's own refusals: unknown route, wrong method, body over {@code maxRequestSize}. */
    static Problem forHttp(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        ProblemKind kind = switch (status) {
            case 404 -> ProblemKind.NOT_FOUND;
            case 405 -> ProblemKind.METHOD_NOT_ALLOWED;
            case 413 -> ProblemKind.PAYLOAD_TOO_LARGE;
            default -> ProblemKind.HTTP_ERROR;
        };
        String detail = switch (kind) {
            case NOT_FOUND -> "no route " + ctx.method() + " " + ctx.path();
            case METHOD_NOT_ALLOWED -> "method " + ctx.method() + " is not allowed on " + ctx.path();
            default -> e.getMessage();
        };
        return Problem.of(kind, status, detail, ctx.path(), null, RequestIds.of(ctx));
    }

    public static void send(Context ctx, Problem problem) {
        ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(Json.write(problem));
    }
}
