package dev.spectron.server.trace;

import dev.spectron.core.chat.ResponseTrace;
import dev.spectron.core.chat.ResponseTraces;
import dev.spectron.core.retrieval.Retrieval;
import dev.spectron.core.retrieval.TraceLog;
import dev.spectron.server.http.Json;
import dev.spectron.server.http.Millis;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The documents {@code GET /traces/{id}} answers, rendered once when a trace is written and stored
 * as they are, so every server process answers the same bytes. Keys keep the order written here.
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

    private static Map<String, Object> response(ResponseTrace trace) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", trace.id());
        body.put("kind", "response");
        body.put("sessionId", trace.sessionId());
        body.put("userTurnId", trace.userTurnId());
        body.put("assistantTurnId", trace.assistantTurnId());
        body.put("model", trace.model());
        body.put("systemPrompt", trace.prompt().systemPrompt());
        body.put("messages", trace.prompt().messages().stream()
                .map(m -> ordered("role", m.role().name().toLowerCase(Locale.ROOT), "content", m.text())).toList());
        Map<String, Integer> tokens = new LinkedHashMap<>();
        tokens.put("inputTokens", trace.usage().inputTokens());
        tokens.put("outputTokens", trace.usage().outputTokens());
        body.put("usage", tokens);
        body.put("stepsMs", trace.stepsMs());
        body.put("latencyMs", Millis.round(trace.stepsMs().values().stream().mapToDouble(Double::doubleValue).sum()));
        body.put("createdAt", trace.createdAt().toString());
        body.put("retrieval", retrieval(trace.prompt().messages().getLast().text(), trace.retrieval(), trace.createdAt()));
        return body;
    }

    private static Map<String, Object> retrieval(String query, Retrieval r, Instant createdAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", r.traceId());
        body.put("kind", "retrieval");
        body.put("queryText", query);
        body.put("resolutionTier", r.tier().wireName());
        body.put("tierReason", r.reason());
        body.put("cached", false);
        body.put("latencyMs", Millis.round(r.latencyMs()));
        body.put("createdAt", createdAt.toString());
        body.put("candidates", r.candidates());
        List<Map<String, Object>> returned = r.hits().stream()
                .map(h -> ordered("id", h.doc().id(), "table", h.doc().kind().wireName(), "score", h.score(), "source", h.source())).toList();
        body.put("returned", returned);
        return body;
    }

    /** A map in the order given: {@code Map.of} iterates in an order that changes from one JVM to the next. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
