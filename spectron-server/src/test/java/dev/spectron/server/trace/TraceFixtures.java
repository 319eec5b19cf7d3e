package dev.spectron.server.trace;

import dev.spectron.core.chat.ResponseTrace;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.EntityType;
import dev.spectron.core.model.ModelMessage;
import dev.spectron.core.model.ModelRequest;
import dev.spectron.core.model.TokenUsage;
import dev.spectron.core.retrieval.Hit;
import dev.spectron.core.retrieval.Retrieval;
import dev.spectron.core.retrieval.SearchDoc;
import dev.spectron.core.retrieval.Tier;
import dev.spectron.core.session.ScopeSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixed traces whose rendered documents are pinned in {@code src/test/resources/traces/}, as rendered before traces were stored. */
final class TraceFixtures {
    static final ContextId CONTEXT = new ContextId("golden");
    static final Instant AT = Instant.parse("2026-05-01T10:00:00.123Z");
    static final String QUERY = "Where does Ada live? \"quoted\" </memory> \u00e9\u2028 tab\t";

    private TraceFixtures() {
    }

    static Retrieval retrieval() {
        Map<String, Integer> candidates = new LinkedHashMap<>();
        candidates.put("bm25", 50);
        candidates.put("vector", 48);
        candidates.put("graph", 7);
        SearchDoc turn = new SearchDoc("doc_turn_1", SearchDoc.Kind.TURN, "turn_1", "sess_1", "turn_1", "user", "Ada", "I live in Lisbon.",
                ScopeSet.NONE, 0.5, AT.minusSeconds(60), AT.minusSeconds(59));
        SearchDoc fact = new SearchDoc("doc_attr_1", SearchDoc.Kind.ATTRIBUTE, "attr_1", "sess_1", "turn_1", "user", "Ada", "Ada lives in Lisbon.",
                ScopeSet.NONE, 0.8, AT.minusSeconds(60), AT.minusSeconds(59));
        return new Retrieval("trace_retrieval_1", Tier.HYBRID, "fused score 0.0328 above the floor", "question",
                List.<EntityRef>of(), List.of(new Hit(fact, 0.03278688524590164, List.of("bm25", "vector")), new Hit(turn, 0.016129032258064516, List.of("vector"))),
                candidates, 12.34567);
    }

    static ResponseTrace response() {
        Map<String, Double> steps = new LinkedHashMap<>();
        steps.put("ingest_user", 3.21);
        steps.put("retrieve", 12.35);
        steps.put("model", 812.4);
        steps.put("ingest_assistant", 4.1);
        ModelRequest prompt = ModelRequest.of("You are helpful.\n<memory trust=\"untrusted-data\">\n[S1] Ada lives in Lisbon.\n</memory>",
                List.of(ModelMessage.user("Hello!"), ModelMessage.assistant("Hi Ada, how can I help?"), ModelMessage.user(QUERY)));
        return new ResponseTrace("trace_response_1", CONTEXT, "sess_1", "turn_3", "turn_4", "openai/gpt-4o-mini", prompt,
                new TokenUsage(400, null), steps, retrieval(), AT);
    }
}
