package dev.spectron.core.chat;

import dev.spectron.core.Ids;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.model.LanguageModel;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelReply;
import dev.spectron.core.model.ModelRequest;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.retrieval.ContextAssembler;
import dev.spectron.core.retrieval.ContextBlock;
import dev.spectron.core.session.Session;
import dev.spectron.core.session.Turn;
import java.time.Clock;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Steps 2 and 3 of {@code session.chat()} (DESIGN.md §7): with the user's turn stored, retrieve
 * memory for it, build the prompt and call the response model. Storing the two turns is
 * {@link ChatExchange}'s, which runs them as idempotent steps.
 */
public final class ChatService {
    /** Earlier turns read to fill the window; more than it holds, since system and tool turns are skipped. */
    private static final int HISTORY_READ = ChatPrompt.WINDOW_TURNS * 2;

    private final MemoryStore store;
    private final ContextAssembler assembler;
    private final ResponseTraces traces;
    private final Clock clock;

    public ChatService(MemoryStore store, ContextAssembler assembler, ResponseTraces traces, Clock clock) {
        this.store = store;
        this.assembler = assembler;
        this.traces = traces;
        this.clock = clock;
    }

    /** The model to answer with, and its {@code provider/model} name for replies and traces. */
    public record ResponseModel(LanguageModel model, String id) {
    }

    /** A reply before it is stored, with what it was made from. */
    public record Answer(String traceId, ModelReply reply, ModelRequest prompt, ContextAssembler.Assembled memory,
                         List<ContextBlock.Cited> citations, Map<String, Double> stepsMs) {
    }

    /** Call as the chat starts: the message's retrieval query is embedded while its turn is stored. */
    public void prepare(ContextId contextId, String message) {
        assembler.prepare(contextId, message);
    }

    /**
     * Answers {@code userTurn}, already stored in {@code session}. Turns sent as conversation are
     * left out of retrieval, so the prompt does not carry them twice.
     *
     * @param onDelta receives the reply as it streams; null for one blocking call
     * @throws ResponseModelFailure when the model fails; nothing has been written by this method
     */
    public Answer answer(Session session, Turn userTurn, ResponseModel model, int k, int budgetChars, Consumer<String> onDelta) {
        Map<String, Double> steps = new LinkedHashMap<>();
        long start = System.nanoTime();
        List<Turn> window = ChatPrompt.window(history(session, userTurn));
        Set<String> sent = new HashSet<>();
        window.forEach(turn -> sent.add(turn.id()));
        sent.add(userTurn.id());
        ContextAssembler.Assembled memory = assembler.forSession(session, userTurn.content(), k, budgetChars, sent);
        ModelRequest prompt = ChatPrompt.build(window, memory.context(), userTurn.content());
        long retrieved = System.nanoTime();
        steps.put("retrieve", millis(retrieved - start));
        ModelReply reply;
        try {
            reply = onDelta == null ? model.model().complete(prompt) : model.model().stream(prompt, onDelta);
        } catch (ModelException e) {
            throw new ResponseModelFailure(session.id(), userTurn.id(), e);
        }
        if (reply.text().isBlank()) {
            // An empty turn cannot be stored, and an empty answer is no answer: a provider failure like any other.
            String provider = model.id().substring(0, Math.max(0, model.id().indexOf('/')));
            throw new ResponseModelFailure(session.id(), userTurn.id(), new ModelException(ModelException.Kind.MALFORMED_OUTPUT, provider,
                    "the model returned an empty reply (finish reason " + reply.finishReason() + ")"));
        }
        steps.put("model", millis(System.nanoTime() - retrieved));
        return new Answer(Ids.newId("trace_", clock.instant()), reply, prompt, memory, Citations.resolve(reply.text(), memory.citations()),
                steps);
    }

    /** Keeps the trace of a finished chat; {@code stepsMs} holds every step, the stores included. */
    public ResponseTrace record(Session session, Turn userTurn, String assistantTurnId, Answer answer, String modelId,
                                Map<String, Double> stepsMs) {
        ResponseTrace trace = new ResponseTrace(answer.traceId(), session.contextId(), session.id(), userTurn.id(), assistantTurnId, modelId,
                answer.prompt(), answer.reply().usage(), Collections.unmodifiableMap(new LinkedHashMap<>(stepsMs)), answer.memory().retrieval(), clock.instant());
        traces.record(trace);
        return trace;
    }

    private List<Turn> history(Session session, Turn userTurn) {
        long before = userTurn.seq() - 1;
        int offset = (int) Math.max(0, before - HISTORY_READ);
        return store.read(tx -> tx.turns().list(session.contextId(), session.id(), HISTORY_READ, offset)).stream()
                .filter(turn -> turn.seq() < userTurn.seq())
                .toList();
    }

    /** Nanoseconds as milliseconds to two decimals, as traces show step latencies. */
    public static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
