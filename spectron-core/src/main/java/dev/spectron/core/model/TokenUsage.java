package dev.spectron.core.model;

/** Tokens a call consumed, as the provider reported them; either count is {@code null} when it did not say. */
public record TokenUsage(Integer inputTokens, Integer outputTokens) {

    private static final TokenUsage UNKNOWN = new TokenUsage(null, null);

    public static TokenUsage unknown() {
        return UNKNOWN;
    }

    /** The sum of two calls' usage; a count stays unknown only when both are. */
    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(add(inputTokens, other.inputTokens), add(outputTokens, other.outputTokens));
    }

    private static Integer add(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + b;
    }
}
