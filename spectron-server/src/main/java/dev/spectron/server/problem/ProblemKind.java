package dev.spectron.server.problem;

/** The problem types the API emits; the slug becomes {@code urn:spectron:problem:<slug>}. */
public enum ProblemKind {
    INVALID_INPUT("invalid-input", "Invalid request"),
    UNAUTHORIZED("unauthorized", "Unauthorized"),
    NOT_FOUND("not-found", "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
    CONFLICT("conflict", "Conflict"),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large"),
    UNPROCESSABLE("unprocessable", "Unprocessable request"),
    INSUFFICIENT_STORAGE("insufficient-storage", "Insufficient storage"),
    STORE_UNAVAILABLE("store-unavailable", "The database is unavailable"),
    HTTP_ERROR("http-error", "HTTP error"),
    MODEL_FAILED("model-failed", "The response model failed"),
    MODEL_UNAVAILABLE("model-unavailable", "The response model is unavailable"),
    INTERNAL("internal", "Internal server error");

    private final String slug;
    private final String title;

    ProblemKind(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
