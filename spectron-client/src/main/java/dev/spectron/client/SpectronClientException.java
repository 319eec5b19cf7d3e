package dev.spectron.client;

/**
 * Every failure the client reports. The hierarchy is sealed, so a {@code switch} over it can be
 * exhaustive:
 * <ul>
 *   <li>{@link SpectronApiException} — the server answered with an error status (and its
 *       subclasses per status: {@link AuthenticationException} 401, {@link PermissionDeniedException} 403,
 *       {@link NotFoundException} 404, {@link ValidationException} 400/422, {@link ConflictException} 409,
 *       {@link RateLimitException} 429, {@link ServerException} 5xx);</li>
 *   <li>{@link ConnectionException} — no HTTP answer: refused, reset, DNS failure, stream cut short;</li>
 *   <li>{@link RequestTimeoutException} — no answer within the configured timeout.</li>
 * </ul>
 * All are unchecked. Instances are immutable and safe to share between threads.
 */
public sealed abstract class SpectronClientException extends RuntimeException
        permits SpectronApiException, ConnectionException, RequestTimeoutException {
    SpectronClientException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The HTTP status, or 0 when no HTTP answer arrived (connection failures and timeouts). */
    public int status() {
        return 0;
    }
}
