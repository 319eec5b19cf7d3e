package dev.spectron.core.retrieval;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.EntityType;
import dev.spectron.core.memory.Instruction;
import dev.spectron.core.memory.MemoryCategory;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.session.Session;
import dev.spectron.core.session.SessionService;
import dev.spectron.core.session.Turn;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * {@code session.context()} and {@code /context}: retrieve, then render the profile, the active
 * instructions and the hits as one context block, and keep the trace.
 */
public final class ContextAssembler {
    private final MemoryStore store;
    private final SessionService sessions;
    private final Retriever retriever;
    private final TraceLog traces;
    private final Clock clock;

    public ContextAssembler(MemoryStore store, SessionService sessions, Retriever retriever, TraceLog traces, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.retriever = retriever;
        this.traces = traces;
        this.clock = clock;
    }

    /** Lets a read that will come shortly find its query embedded already; see {@link Retriever#embedAhead}. */
    public void prepare(ContextId contextId, String query) {
        retriever.embedAhead(contextId, query);
    }

    /** The context block and what it cites. */
    public record Assembled(String context, List<ContextBlock.Cited> citations, Retrieval retrieval) {
    }

    /** A read as one session sees memory: only what its scopes may see, with its speaker's profile. */
    public Assembled forSession(ContextId contextId, String sessionId, String query, int k, int budgetChars) {
        Session session = sessions.get(contextId, sessionId);
        return forSession(session, query, k, budgetChars, justSaid(session, query));
    }

    /**
     * In the caller-driven loop the message is stored as a turn, then used as the query: that
     * turn is the question, not memory about it, and would otherwise come back first.
     */
    private Set<String> justSaid(Session session, String query) {
        return store.read(tx -> {
            long last = tx.turns().lastSeq(session.contextId(), session.id());
            if (last == 0) {
                return Set.<String>of();
            }
            return tx.turns().list(session.contextId(), session.id(), 1, (int) last - 1).stream()
                    .filter(turn -> turn.content().strip().equals(query.strip()))
                    .map(Turn::id)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        });
    }

    /**
     * Like {@link #forSession(ContextId, String, String, int, int)}, leaving out the turns in
     * {@code excludedTurnIds} — those a chat already sends as conversation; facts drawn from them
     * may still come back.
     */
    public Assembled forSession(Session session, String query, int k, int budgetChars, Set<String> excludedTurnIds) {
        RetrievalRequest request = new RetrievalRequest(session.contextId(), query, k, session.scopes(), null,
                RetrievalRequest.Mode.HYBRID_GRAPH, excludedTurnIds);
        return assemble(request, session.scopes().user().orElse(null), budgetChars);
    }

    public Assembled forLens(RetrievalRequest request, int budgetChars) {
        return assemble(request, request.lens() == null ? null : request.lens().user().orElse(null), budgetChars);
    }

    /** A plain ranked read ({@code /query}); the trace is kept. */
    public Retrieval query(RetrievalRequest request) {
        Retrieval retrieval = retriever.retrieve(request);
        traces.record(request.contextId(), request.query(), retrieval, clock.instant());
        return retrieval;
    }

    private Assembled assemble(RetrievalRequest request, String speaker, int budgetChars) {
        Retrieval retrieval = query(request);
        record Standing(List<Attribute> profile, List<Instruction> instructions) {
        }
        Standing standing = store.read(tx -> new Standing(
                speaker == null ? List.of() : tx.entities().find(request.contextId(), new EntityRef(EntityType.PERSON, speaker))
                        .map(e -> tx.attributes().liveOf(request.contextId(), e.id()).stream()
                                .filter(a -> a.category() == MemoryCategory.IDENTITY && ScopeVisibility.visible(a.scopes(), request.lens()))
                                .toList())
                        .orElse(List.of()),
                tx.instructions().active(request.contextId()).stream().filter(i -> ScopeVisibility.visible(i.scopes(), request.lens())).toList()));
        ContextBlock.Rendered rendered = ContextBlock.render(standing.profile(), standing.instructions(), retrieval.hits(), budgetChars);
        return new Assembled(rendered.text(), rendered.citations(), retrieval);
    }

}
