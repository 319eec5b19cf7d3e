package dev.spectron.server.scenario;

import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.context.ContextService;
import dev.spectron.core.embedding.Embedder;
import dev.spectron.core.embedding.EmbedderId;
import dev.spectron.core.ingest.ExtractorProvider;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.extraction.Triple;
import dev.spectron.core.ingest.FactIngestion;
import dev.spectron.core.retrieval.Hit;
import dev.spectron.core.retrieval.Indexer;
import dev.spectron.core.retrieval.RetrievalRequest;
import dev.spectron.core.retrieval.Retriever;
import dev.spectron.core.retrieval.TextCache;
import dev.spectron.core.retrieval.VectorCache;
import dev.spectron.core.ingest.IngestedTurn;
import dev.spectron.core.ingest.TurnIngestion;
import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.MemoryQueries;
import dev.spectron.core.reconcile.MemoryDiff;
import dev.spectron.core.reconcile.Reconciler;
import dev.spectron.core.session.NewTurn;
import dev.spectron.core.session.Role;
import dev.spectron.core.session.ScopeSet;
import dev.spectron.core.session.Session;
import dev.spectron.core.session.SessionService;
import dev.spectron.store.sqlite.SqliteMemoryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The real write path (turn pipeline, reconciler, SQLite) for one user's session, driven turn by turn. */
final class ScenarioHarness implements AutoCloseable {
    static final ContextId CONTEXT = new ContextId("scenario");
    /** The scenarios test reconciliation; vectors play no part, so the embedder always fails and indexing keeps text only. */
    private static final Embedder NO_VECTORS = new Embedder() {
        @Override
        public EmbedderId id() {
            return new EmbedderId("none/none", 1);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            throw new ModelException(ModelException.Kind.INVALID_REQUEST, "none", "scenarios index text only");
        }
    };

    private final SqliteMemoryStore store;
    private final TurnIngestion ingestion;
    private final FactIngestion facts;
    private final MemoryQueries queries;
    private final Retriever retriever;
    private final Session session;

    ScenarioHarness(Path dir, ExtractorProvider extractors) {
        Clock clock = Clock.tickMillis(ZoneOffset.UTC);
        store = SqliteMemoryStore.open(dir.resolve("scenario.db"));
        new ContextService(store, clock, config -> { }).create(CONTEXT, "", Map.of());
        SessionService sessions = new SessionService(store, clock);
        Reconciler reconciler = new Reconciler(clock);
        Indexer indexer = new Indexer(context -> NO_VECTORS, clock);
        ingestion = new TurnIngestion(store, sessions, reconciler, extractors, indexer, clock);
        facts = new FactIngestion(store, sessions, ingestion, reconciler, indexer, clock);
        queries = new MemoryQueries(store, clock);
        retriever = new Retriever(store, new VectorCache(store), new TextCache(store), context -> NO_VECTORS, clock);
        session = store.write(tx -> sessions.create(tx, CONTEXT, ScopeSet.parse(Map.of("user", "ada")), Map.of()));
    }

    /** The user says {@code text} at {@code at}; returns what memory changed. */
    MemoryDiff say(String text, String at) {
        return say(Role.USER, text, at).diff();
    }

    IngestedTurn say(Role role, String text, String at) {
        var prepared = ingestion.prepare(CONTEXT, session.id(), new NewTurn(role, text, Instant.parse(at)));
        return store.write(tx -> ingestion.commit(tx, prepared, ContextConfig.DEFAULT_CONFIDENCE_FLOOR));
    }

    /** An operator's {@code infer: "triples"} write in this session's scope. */
    MemoryDiff triples(String at, Triple... triples) {
        var request = new FactIngestion.FactRequest(CONTEXT, session.id(), session.scopes(), Role.USER, null, FactIngestion.Mode.TRIPLES, null,
                List.of(triples), Instant.parse(at));
        var prepared = facts.prepare(request);
        return store.write(tx -> facts.commit(tx, prepared, ContextConfig.DEFAULT_CONFIDENCE_FLOOR)).diff();
    }

    MemoryQueries.Profile profile() {
        return queries.profile(CONTEXT);
    }

    MemoryQueries.EntityView entityAsOf(String type, String name, String asOf) {
        return queries.entity(CONTEXT, EntityRef.of(type, name), Instant.parse(asOf));
    }

    /** {@code /query} as the session's user reads it, full text and graph (the scenarios index no vectors). */
    List<Hit> query(String query) {
        return retriever.retrieve(new RetrievalRequest(CONTEXT, query, 10, session.scopes(), null, RetrievalRequest.Mode.HYBRID_GRAPH)).hits();
    }

    MemoryQueries.State state() {
        return queries.state(CONTEXT);
    }

    MemoryQueries.EntityView entity(String type, String name) {
        return queries.entity(CONTEXT, EntityRef.of(type, name), null);
    }

    List<Attribute> history(String type, String name, String key) {
        return queries.history(CONTEXT, EntityRef.of(type, name), key);
    }

    @Override
    public void close() {
        store.close();
    }
}
