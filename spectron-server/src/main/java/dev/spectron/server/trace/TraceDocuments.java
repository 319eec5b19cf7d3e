package dev.spectron.server.trace;

import dev.spectron.core.chat.ResponseTrace;
import dev.spectron.core.chat.ResponseTraces;
import dev.spectron.core.retrieval.Retrieval;
import dev.spectron.core.retrieval.TraceLog;
import dev.spectron.server.http.Json;
import dev.spectron.server.http.Millis;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The documents {@code GET /traces/{id}} answers, rendered once when a trace is written and stored
 * as they are, so every server process answers the same bytes. The records fix the field order.
 */
public final class TraceDocuments implements TraceLog.Renderer, ResponseTraces.Renderer {
    @Override
    public String render(TraceLog.Trace trace) {
        return Json.write(retrieval(trace.query(), trace.retrieval(), trace.createdAt()));
    }

    @Override
    public String render(ResponseTrace trace) {
        return Json.write(response(trace));
    }

    /** A response trace on the wire; fields in this order. */
    record ResponseDocument(String id, String kind, String sessionId, String userTurnId, String assistantTurnId, String model,
                            String systemPrompt, List<Message> messages, Usage usage, Map<String, Double> stepsMs, double latencyMs,
                            String createdAt, RetrievalDocument retrieval) {
    }

    record Message(String role, String content) {
    }

    /** Token counts; {@code null} where the provider reported none. */
    record Usage(Integer inputTokens, Integer outputTokens) {
    }

    /** A retrieval trace on the wire; fields in this order. */
    record RetrievalDocument(String id, String kind, String queryText, String resolutionTier, String tierReason, boolean cached,
                             double latencyMs, String createdAt, Map<String, Integer> candidates, List<Returned> returned) {
    }

    record Returned(String id, String table, double score, String source) {
    }

    private static ResponseDocument response(ResponseTrace trace) {
        return new ResponseDocument(trace.id(), "response", trace.sessionId(), trace.userTurnId(), trace.assistantTurnId(), trace.model(),
                trace.prompt().systemPrompt(),
                trace.prompt().messages().stream().map(m -> new Message(m.role().name().toLowerCase(Locale.ROOT), m.text())).toList(),
                new Usage(trace.usage().inputTokens(), trace.usage().outputTokens()), trace.stepsMs(),
                Millis.round(trace.stepsMs().values().stream().mapToDouble(Double::doubleValue).sum()), trace.createdAt().toString(),
                retrieval(trace.prompt().messages().getLast().text(), trace.retrieval(), trace.createdAt()));
    }

    private static RetrievalDocument retrieval(String query, Retrieval r, Instant createdAt) {
        return new RetrievalDocument(r.traceId(), "retrieval", query, r.tier().wireName(), r.reason(), false, Millis.round(r.latencyMs()),
                createdAt.toString(), r.candidates(),
                r.hits().stream().map(h -> new Returned(h.doc().id(), h.doc().kind().wireName(), h.score(), h.source())).toList());
    }
}
