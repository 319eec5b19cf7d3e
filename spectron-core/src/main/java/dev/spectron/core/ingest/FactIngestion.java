package dev.spectron.core.ingest;

import dev.spectron.core.InvalidInputException;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.extraction.Triple;
import dev.spectron.core.memory.MemoryCategory;
import dev.spectron.core.memory.SourceKind;
import dev.spectron.core.memory.SourceRef;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.core.reconcile.ExtractionStatus;
import dev.spectron.core.reconcile.MemoryDiff;
import dev.spectron.core.reconcile.ReconcileRequest;
import dev.spectron.core.reconcile.Reconciler;
import dev.spectron.core.retrieval.Indexer;
import dev.spectron.core.session.NewTurn;
import dev.spectron.core.session.Role;
import dev.spectron.core.session.ScopeSet;
import dev.spectron.core.session.Session;
import dev.spectron.core.session.SessionService;
import dev.spectron.core.session.Turn;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code remember} and {@code remember_many} (spectron-api.md §2.2.1-2.2.2): text through the
 * turn pipeline ({@code full}), caller-supplied triples, a dry run ({@code preview}), or a literal
 * turn with no extraction ({@code none}). Without a session id the write creates a session in the
 * same transaction.
 */
public final class FactIngestion {
    public enum Mode { FULL, TRIPLES, PREVIEW, NONE }

    /** One {@code /facts} request; {@code sessionId}, {@code text}, {@code category} and {@code observedAt} may be null. */
    public record FactRequest(ContextId contextId, String sessionId, ScopeSet scopes, Role role, String text, Mode mode,
                              MemoryCategory category, List<Triple> triples, Instant observedAt) {
    }

    /** {@code turn} is null when nothing was said (triples without text); {@code diff} null for {@code none}. */
    public record FactResult(Mode mode, String sessionId, Turn turn, MemoryDiff diff) {
    }

    /** One {@code /facts/batch} request. */
    public record BatchRequest(ContextId contextId, String sessionId, ScopeSet scopes, List<NewTurn> messages, boolean perMessage, Mode mode) {
    }

    /** {@code extractions} holds one combined diff, or one per message when {@code perMessage}. */
    public record BatchResult(String sessionId, List<Turn> turns, List<MemoryDiff> extractions) {
    }

    /** Work done outside the transaction: the session to write to (maybe new) and the extraction. */
    public record Prepared(FactRequest request, Session session, boolean newSession, PreparedTurn turn) {
    }

    public record PreparedBatch(BatchRequest request, Session session, boolean newSession, List<PreparedTurn> turns) {
    }

    private final MemoryStore store;
    private final SessionService sessions;
    private final TurnIngestion turns;
    private final Reconciler reconciler;
    private final Indexer indexer;
    private final Clock clock;

    public FactIngestion(MemoryStore store, SessionService sessions, TurnIngestion turns, Reconciler reconciler, Indexer indexer, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.turns = turns;
        this.reconciler = reconciler;
        this.indexer = indexer;
        this.clock = clock;
    }

    public Prepared prepare(FactRequest request) {
        if (request.mode() != Mode.TRIPLES && (request.text() == null || request.text().isBlank())) {
            throw new InvalidInputException("text", "field 'text' is required unless infer is 'triples'");
        }
        if (request.mode() == Mode.TRIPLES && request.triples().isEmpty()) {
            throw new InvalidInputException("triples", "infer 'triples' needs a non-empty 'triples' list");
        }
        boolean newSession = request.sessionId() == null;
        Session session = newSession ? sessions.newSession(request.contextId(), request.scopes(), Map.of())
                : turns.session(request.contextId(), request.sessionId());
        PreparedTurn turn = null;
        if (request.text() != null && !request.text().isBlank()) {
            NewTurn said = new NewTurn(request.role(), request.text(), request.observedAt());
            turn = turns.prepare(session, List.of(said)).get(0);
            if (request.mode() == Mode.NONE || request.mode() == Mode.TRIPLES) {
                turn = turn.withOutcome(new ExtractionOutcome.Extracted(Extraction.EMPTY, List.of()));
            }
        }
        return new Prepared(request, session, newSession, turn);
    }

    /** Writes a prepared request; for {@code preview} use {@link #rehearse}. */
    public FactResult commit(StoreTransaction tx, Prepared prepared, double confidenceFloor) {
        FactRequest request = prepared.request();
        if (prepared.newSession()) {
            sessions.insert(tx, prepared.session());
        }
        if (request.mode() == Mode.NONE) {
            return new FactResult(Mode.NONE, prepared.session().id(), turns.commitLiteral(tx, prepared.turn()), null);
        }
        if (request.mode() == Mode.TRIPLES) {
            return commitTriples(tx, prepared, confidenceFloor);
        }
        PreparedTurn turn = request.category() == null ? prepared.turn() : recategorised(prepared.turn(), request.category());
        IngestedTurn ingested = turns.commit(tx, turn, confidenceFloor);
        return new FactResult(request.mode(), prepared.session().id(), ingested.turn(), ingested.diff());
    }

    /** {@code preview}: the full write in a transaction that is rolled back; the result shows what it would do. */
    public FactResult rehearse(Prepared prepared, double confidenceFloor) {
        return store.rehearse(tx -> commit(tx, prepared, confidenceFloor));
    }

    public PreparedBatch prepare(BatchRequest request) {
        if (request.messages().isEmpty()) {
            throw new InvalidInputException("messages", "field 'messages' must hold at least one message");
        }
        boolean newSession = request.sessionId() == null;
        Session session = newSession ? sessions.newSession(request.contextId(), request.scopes(), Map.of())
                : turns.session(request.contextId(), request.sessionId());
        List<PreparedTurn> prepared = turns.prepare(session, request.messages());
        if (request.mode() == Mode.NONE) {
            prepared = prepared.stream().map(t -> t.withOutcome(new ExtractionOutcome.Extracted(Extraction.EMPTY, List.of()))).toList();
        }
        return new PreparedBatch(request, session, newSession, prepared);
    }

    public BatchResult commit(StoreTransaction tx, PreparedBatch batch, double confidenceFloor) {
        if (batch.newSession()) {
            sessions.insert(tx, batch.session());
        }
        List<Turn> stored = new ArrayList<>();
        List<MemoryDiff> diffs = new ArrayList<>();
        for (PreparedTurn turn : batch.turns()) {
            if (batch.request().mode() == Mode.NONE) {
                stored.add(turns.commitLiteral(tx, turn));
                continue;
            }
            IngestedTurn ingested = turns.commit(tx, turn, confidenceFloor);
            stored.add(ingested.turn());
            diffs.add(ingested.diff());
        }
        if (!batch.request().perMessage() && !diffs.isEmpty()) {
            diffs = List.of(diffs.stream().reduce(MemoryDiff::plus).orElseThrow());
        }
        return new BatchResult(batch.session().id(), stored, diffs);
    }

    private FactResult commitTriples(StoreTransaction tx, Prepared prepared, double confidenceFloor) {
        FactRequest request = prepared.request();
        Turn stored = prepared.turn() == null ? null : turns.commitLiteral(tx, prepared.turn());
        Instant observedAt = request.observedAt() != null ? request.observedAt() : stored != null ? stored.occurredAt() : clock.instant();
        SourceRef source = new SourceRef(SourceKind.UPSERT, stored == null ? null : stored.id(), prepared.session().id(), null, null);
        Extraction extraction = Triple.toExtraction(request.triples());
        MemoryDiff diff = reconciler.reconcile(tx, new ReconcileRequest(request.contextId(), prepared.session().scopes(),
                request.category() == null ? extraction : extraction.inCategory(request.category()), source, observedAt, confidenceFloor,
                ExtractionStatus.ran("triples")));
        indexer.indexFacts(tx, request.contextId(), prepared.session().id(), diff, observedAt);
        return new FactResult(Mode.TRIPLES, prepared.session().id(), stored, diff);
    }

    private static PreparedTurn recategorised(PreparedTurn turn, MemoryCategory category) {
        ExtractionOutcome outcome = switch (turn.outcome()) {
            case ExtractionOutcome.Extracted e -> new ExtractionOutcome.Extracted(e.extraction().inCategory(category), e.stages());
            case ExtractionOutcome.Failed f -> new ExtractionOutcome.Failed(f.extraction().inCategory(category), f.stages(), f.reason());
        };
        return turn.withOutcome(outcome);
    }
}
