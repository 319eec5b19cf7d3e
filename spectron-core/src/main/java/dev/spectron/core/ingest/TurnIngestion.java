package dev.spectron.core.ingest;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.extraction.TurnInput;
import dev.spectron.core.memory.SourceRef;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.core.reconcile.ExtractionStatus;
import dev.spectron.core.reconcile.MemoryDiff;
import dev.spectron.core.reconcile.ReconcileRequest;
import dev.spectron.core.retrieval.Indexer;
import dev.spectron.core.reconcile.Reconciler;
import dev.spectron.core.session.NewTurn;
import dev.spectron.core.session.Role;
import dev.spectron.core.session.Session;
import dev.spectron.core.session.SessionService;
import dev.spectron.core.session.Turn;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code session.turn()}: heuristics → extract → (one transaction:) store turn → reconcile → diff.
 * Extraction runs in {@link #prepare}, outside the transaction, because a model call must not hold
 * the write lock; {@link #commit} then stores the turn and its facts together.
 */
public final class TurnIngestion {
    /** Turns before this one that the extractor sees, for pronouns. */
    static final int TRANSCRIPT_WINDOW = 6;

    private final MemoryStore store;
    private final SessionService sessions;
    private final Reconciler reconciler;
    private final ExtractorProvider extractors;
    private final Indexer indexer;
    private final Clock clock;

    public TurnIngestion(MemoryStore store, SessionService sessions, Reconciler reconciler, ExtractorProvider extractors, Indexer indexer,
                         Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.reconciler = reconciler;
        this.extractors = extractors;
        this.indexer = indexer;
        this.clock = clock;
    }

    /**
     * When a write's vectors are computed. {@code BEFORE_COMMIT}: the write is found by vector
     * search as soon as it is acknowledged. {@code AFTER_COMMIT}: the write is acknowledged without
     * waiting for the embedding model (found by full text and graph at once, by vector a moment
     * later, once the background job of {@code Reembedder} has run) — for a chat, whose turns are
     * not searched in the same exchange anyway.
     */
    public enum Vectors { BEFORE_COMMIT, AFTER_COMMIT }

    public PreparedTurn prepare(ContextId contextId, String sessionId, NewTurn turn) {
        Session session = store.read(tx -> sessions.require(tx, contextId, sessionId));
        return prepare(session, List.of(turn)).get(0);
    }

    public List<PreparedTurn> prepare(Session session, List<NewTurn> turns) {
        return prepare(session, turns, Vectors.BEFORE_COMMIT);
    }

    /**
     * Extracts several turns of one session in order, each seeing the ones before it; the session
     * may be one that the commit will create.
     */
    public List<PreparedTurn> prepare(Session session, List<NewTurn> turns, Vectors vectors) {
        Extractor extractor = extractors.forContext(session.contextId());
        Known known = store.read(tx -> new Known(SpeakerResolver.speakerOf(tx, session), recentTranscript(tx, session)));
        List<String> transcript = new ArrayList<>(known.transcript());
        List<PreparedTurn> prepared = new ArrayList<>();
        for (NewTurn turn : turns) {
            Instant occurredAt = turn.ts() == null ? clock.instant() : turn.ts();
            prepared.add(prepareOne(extractor, session, turn, occurredAt, known.speaker(), transcript, vectors));
            transcript.add(turn.role().wireName() + ": " + turn.content());
        }
        return prepared;
    }

    private record Known(String speaker, List<String> transcript) {
    }

    private PreparedTurn prepareOne(Extractor extractor, Session session, NewTurn turn, Instant occurredAt, String knownSpeaker,
                                    List<String> transcript, Vectors vectors) {
        String speaker = turn.role() == Role.USER ? knownSpeaker : null;
        List<String> window = transcript.subList(Math.max(0, transcript.size() - TRANSCRIPT_WINDOW), transcript.size());
        TurnInput input = new TurnInput(turn.content(), turn.role(), speaker, occurredAt, ZoneOffset.UTC, window);
        ExtractionOutcome outcome = extractor == null ? new ExtractionOutcome.Extracted(Extraction.EMPTY, List.of()) : extractor.extract(input);
        String saidBy = speakerLabel(turn.role(), speaker);
        Indexer.Vectors ahead = vectors == Vectors.AFTER_COMMIT ? Indexer.Vectors.NONE
                : indexer.embedAhead(session.contextId(), saidBy, turn.content(), outcome.extraction(), occurredAt);
        return new PreparedTurn(session.contextId(), session, turn, occurredAt, outcome, saidBy, ahead);
    }

    /**
     * An asynchronous turn (issue 20), before its transaction: no extraction now, only the turn's
     * own vector; {@link #commitDeferred} stores it and queues its extraction.
     */
    public PreparedTurn prepareDeferred(ContextId contextId, String sessionId, NewTurn turn) {
        Session session = store.read(tx -> sessions.require(tx, contextId, sessionId));
        String speaker = store.read(tx -> SpeakerResolver.speakerOf(tx, session));
        Instant occurredAt = turn.ts() == null ? clock.instant() : turn.ts();
        return prepareOne(null, session, turn, occurredAt, speaker, List.of(), Vectors.BEFORE_COMMIT);
    }

    /**
     * Stores an asynchronous turn, searchable by its text at once, and queues its extraction in
     * the same transaction: acknowledged means queued, a crash cannot lose the extraction.
     */
    public Turn commitDeferred(StoreTransaction tx, PreparedTurn prepared) {
        Turn stored = commitLiteral(tx, prepared);
        tx.extractionJobs().enqueue(ExtractionJob.pending(prepared.contextId(), stored.id(), stored.sessionId(), stored.seq(), clock.instant()));
        return stored;
    }

    /**
     * The queued extraction of a stored turn, outside any transaction: extracted as
     * {@link #prepare} would have, seeing the turns before it in the transcript.
     */
    public PreparedTurn prepareStored(Session session, Turn turn) {
        Known known = store.read(tx -> new Known(SpeakerResolver.speakerOf(tx, session), transcriptBefore(tx, session, turn.seq())));
        NewTurn said = new NewTurn(turn.role(), turn.content(), turn.occurredAt());
        return prepareOne(extractors.forContext(session.contextId()), session, said, turn.occurredAt(), known.speaker(), known.transcript(),
                Vectors.BEFORE_COMMIT);
    }

    /** Writes what the queued extraction of {@code stored} found; the turn and its document are there already. */
    public IngestedTurn commitStored(StoreTransaction tx, PreparedTurn prepared, Turn stored, double confidenceFloor) {
        var request = new ReconcileRequest(prepared.contextId(), prepared.session().scopes(), prepared.outcome().extraction(),
                SourceRef.turn(stored.id(), stored.sessionId(), null), stored.occurredAt(), confidenceFloor, prepared.outcome().status());
        MemoryDiff diff = reconciler.reconcile(tx, request);
        indexer.indexExtracted(tx, prepared.contextId(), stored, prepared.speaker(), diff, prepared.vectors());
        return new IngestedTurn(stored, diff);
    }

    public IngestedTurn commit(StoreTransaction tx, PreparedTurn prepared, double confidenceFloor) {
        NewTurn turn = new NewTurn(prepared.turn().role(), prepared.turn().content(), prepared.occurredAt());
        Turn stored = sessions.appendTurn(tx, prepared.contextId(), prepared.session().id(), turn);
        var request = new ReconcileRequest(prepared.contextId(), prepared.session().scopes(), prepared.outcome().extraction(),
                SourceRef.turn(stored.id(), stored.sessionId(), null), stored.occurredAt(), confidenceFloor, prepared.outcome().status());
        MemoryDiff diff = reconciler.reconcile(tx, request);
        indexer.index(tx, prepared.contextId(), stored, prepared.speaker(), diff, prepared.vectors());
        return new IngestedTurn(stored, diff);
    }

    /** A turn stored as it was said, with no extraction ({@code infer: "none"}), still searchable. */
    public Turn commitLiteral(StoreTransaction tx, PreparedTurn prepared) {
        Turn stored = sessions.appendTurn(tx, prepared.contextId(), prepared.session().id(), prepared.turn());
        indexer.index(tx, prepared.contextId(), stored, prepared.speaker(), MemoryDiff.empty(ExtractionStatus.SKIPPED), prepared.vectors());
        return stored;
    }

    /** "ada" for the user of scope user/ada; the role otherwise. */
    private static String speakerLabel(Role role, String speaker) {
        return role == Role.USER && speaker != null ? speaker : role.wireName();
    }

    /** The queued extraction of an asynchronous turn, pending or finished; empty for any other turn. */
    public java.util.Optional<ExtractionJob> extractionJob(ContextId contextId, String turnId) {
        return store.read(tx -> tx.extractionJobs().find(contextId, turnId));
    }

    /** The session as stored, or a 404; for callers that prepare a batch. */
    public Session session(ContextId contextId, String sessionId) {
        return store.read(tx -> sessions.require(tx, contextId, sessionId));
    }

    private static List<String> recentTranscript(StoreTransaction tx, Session session) {
        return transcriptBefore(tx, session, tx.turns().lastSeq(session.contextId(), session.id()) + 1);
    }

    /** The window of turns before seq {@code before}, oldest first, as the extractor reads them. */
    private static List<String> transcriptBefore(StoreTransaction tx, Session session, long before) {
        long last = before - 1;
        int offset = (int) Math.max(0, last - TRANSCRIPT_WINDOW);
        return tx.turns().list(session.contextId(), session.id(), TRANSCRIPT_WINDOW, offset).stream()
                .filter(t -> t.seq() < before)
                .map(t -> t.role().wireName() + ": " + t.content())
                .toList();
    }
}
