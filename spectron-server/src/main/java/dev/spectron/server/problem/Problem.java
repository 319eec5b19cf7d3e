package dev.spectron.server.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem body. {@code message} repeats {@code detail} because the upstream SDKs read
 * it (spectron-api.md §2.0); {@code field} names the offending input when there is one. A failed
 * chat adds the {@code provider} that failed and what it left stored ({@code sessionId},
 * {@code userTurnId}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String message,
                      String field, String requestId, String provider, String sessionId, String userTurnId) {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:spectron:problem:";

    public static Problem of(ProblemKind kind, int status, String detail, String instance, String field, String requestId) {
        return new Problem(TYPE_PREFIX + kind.slug(), kind.title(), status, detail, instance, detail, field, requestId, null, null, null);
    }

    Problem withChat(String provider, String sessionId, String userTurnId) {
        return new Problem(type, title, status, detail, instance, message, field, requestId, provider, sessionId, userTurnId);
    }
}
