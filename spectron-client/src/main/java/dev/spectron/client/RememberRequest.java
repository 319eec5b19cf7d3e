package dev.spectron.client;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Options of {@code memory.remember()} (POST {@code /facts}). Start with {@link #of(String)} or
 * {@link #triples(List)} and refine with the {@code with...} methods; instances are immutable.
 *
 * @param idempotencyKey sent as {@code Idempotency-Key}; null means one is generated per call
 */
public record RememberRequest(String text, Infer infer, String sessionId, Scope scope, Role role, MemoryCategory memoryCategory,
                              List<Triple> triples, Instant observedAt, String idempotencyKey) {
    /** How the server turns the text into memory. */
    public enum Infer {
        /** Extraction (heuristics plus the context's model). */
        FULL,
        /** Store the caller's {@link Triple}s, no extraction. */
        TRIPLES,
        /** Dry run: extract and report, store nothing. */
        PREVIEW,
        /** Store the literal text as a chunk. */
        NONE;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RememberRequest {
        triples = Lists.of(triples);
    }

    public static RememberRequest of(String text) {
        return new RememberRequest(Objects.requireNonNull(text, "text"), null, null, null, null, null, null, null, null);
    }

    public static RememberRequest triples(List<Triple> triples) {
        return new RememberRequest(null, Infer.TRIPLES, null, null, null, null, triples, null, null);
    }

    public RememberRequest withInfer(Infer value) {
        return new RememberRequest(text, value, sessionId, scope, role, memoryCategory, triples, observedAt, idempotencyKey);
    }

    public RememberRequest withSessionId(String value) {
        return new RememberRequest(text, infer, value, scope, role, memoryCategory, triples, observedAt, idempotencyKey);
    }

    public RememberRequest withScope(Scope value) {
        return new RememberRequest(text, infer, sessionId, value, role, memoryCategory, triples, observedAt, idempotencyKey);
    }

    public RememberRequest withRole(Role value) {
        return new RememberRequest(text, infer, sessionId, scope, value, memoryCategory, triples, observedAt, idempotencyKey);
    }

    public RememberRequest withMemoryCategory(MemoryCategory value) {
        return new RememberRequest(text, infer, sessionId, scope, role, value, triples, observedAt, idempotencyKey);
    }

    public RememberRequest withObservedAt(Instant value) {
        return new RememberRequest(text, infer, sessionId, scope, role, memoryCategory, triples, value, idempotencyKey);
    }

    public RememberRequest withIdempotencyKey(String value) {
        return new RememberRequest(text, infer, sessionId, scope, role, memoryCategory, triples, observedAt, value);
    }

    Object toWire() {
        return new Body().put("text", text).put("infer", infer == null ? null : infer.wireName()).put("session_id", sessionId)
                .put("scopes", scope == null ? null : scope.toWire()).put("role", role)
                .put("memory_category", memoryCategory == null ? null : memoryCategory.wireName())
                .putIf(!triples.isEmpty(), "triples", triples.stream().map(Triple::toWire).toList())
                .put("observed_at", observedAt == null ? null : observedAt.toString()).map();
    }
}
