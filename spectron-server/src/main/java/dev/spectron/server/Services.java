package dev.spectron.server;

import dev.spectron.core.auth.KeyService;
import dev.spectron.core.chat.ChatExchange;
import dev.spectron.core.chat.ChatService;
import dev.spectron.core.chat.ResponseTraces;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.context.ContextService;
import dev.spectron.core.extraction.heuristics.HeuristicStage;
import dev.spectron.core.forget.Forgetting;
import dev.spectron.core.idempotency.IdempotentWrites;
import dev.spectron.core.ingest.FactIngestion;
import dev.spectron.core.ingest.TurnIngestion;
import dev.spectron.core.memory.MemoryQueries;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.reconcile.Reconciler;
import dev.spectron.core.retrieval.ContextAssembler;
import dev.spectron.core.retrieval.ContextIndexes;
import dev.spectron.core.retrieval.EmbedderProvider;
import dev.spectron.core.retrieval.Indexer;
import dev.spectron.core.retrieval.Reembedder;
import dev.spectron.core.retrieval.Retriever;
import dev.spectron.core.retrieval.TraceLog;
import dev.spectron.core.retrieval.TextCache;
import dev.spectron.core.retrieval.VectorCache;
import dev.spectron.core.session.SessionService;
import dev.spectron.core.trace.TraceWriter;
import dev.spectron.models.Embedders;
import dev.spectron.models.LanguageModels;
import dev.spectron.models.ProviderCredentials;
import dev.spectron.models.chat.ModelOptions;
import dev.spectron.server.extraction.ContextExtractors;
import dev.spectron.server.models.ContextModels;
import dev.spectron.server.models.EmbedderCatalog;
import dev.spectron.server.trace.TraceDocuments;
import dev.spectron.core.ingest.ExtractionQueue;
import dev.spectron.server.http.Json;
import dev.spectron.server.memory.DiffJson;
import dev.spectron.server.session.TurnJson;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/** The application services over one store, wired once at start; the routes are built on top. */
record Services(ContextService contexts, KeyService keys, SessionService sessions, TurnIngestion turns, FactIngestion facts,
                MemoryQueries memory, Forgetting forgetting, ContextAssembler assembler, TraceLog traces, ContextModels models,
                ChatExchange chat, ResponseTraces responseTraces, IdempotentWrites idempotency, EmbedderCatalog embedders,
                Reembedder reembedder, Retriever retriever, TraceWriter traceWriter, ExtractionQueue extractions) {

    /** Workers named by host, process and start, so that claims on a shared database tell nodes apart. */
    private static ExtractionQueue extractionQueue(MemoryStore store, TurnIngestion turns, ContextService contexts, Clock clock) {
        String worker = hostName() + "/" + ProcessHandle.current().pid() + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
        return new ExtractionQueue(store, turns, contextId -> contexts.get(contextId).config().confidenceFloor(),
                (turn, diff) -> Json.write(DiffJson.from(turn.id(), TurnJson.from(turn), diff)), clock, worker);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    static Services wire(MemoryStore store, ServerConfig config, Clock clock) {
        ProviderCredentials credentials = ProviderCredentials.of(config.providerEnvironment());
        ContextModels models = new ContextModels(LanguageModels.create(credentials, ModelOptions.defaults()));
        EmbedderCatalog embedderCatalog = new EmbedderCatalog(Embedders.create(credentials, ModelOptions.defaults()));
        // The indexes need each context's embedder, read through the context service, which in turn
        // keeps the indexes in step with each context: the one late binding of the wiring.
        AtomicReference<ContextIndexes> indexes = new AtomicReference<>();
        ContextService.IndexUpkeep upkeep = new ContextService.IndexUpkeep() {
            @Override
            public void embeddingModelChanged(ContextId id) {
                indexes.get().embeddingModelChanged(id);
            }

            @Override
            public void deleted(ContextId id) {
                indexes.get().deleted(id);
            }
        };
        // A context configuration is refused when its models do not resolve, not at its first turn.
        ContextService contexts = new ContextService(store, clock, contextConfig -> {
            contextConfig.checkSettings();
            models.validate(contextConfig);
            embedderCatalog.validate(contextConfig);
        }, upkeep);
        SessionService sessions = new SessionService(store, clock);
        EmbedderProvider embedders = contextId -> embedderCatalog.forConfig(contexts.get(contextId).config());
        Indexer indexer = new Indexer(embedders, clock);
        Reconciler reconciler = new Reconciler(clock);
        TurnIngestion turns = new TurnIngestion(store, sessions, reconciler,
                new ContextExtractors(new HeuristicStage(), contexts, models, store), indexer, clock);
        TraceWriter traceWriter = TraceWriter.start(store, clock, TraceWriter.Settings.defaults().withRetention(config.traceRetention()));
        TraceDocuments documents = new TraceDocuments();
        TraceLog traces = new TraceLog(traceWriter, documents);
        Retriever retriever = new Retriever(store, new VectorCache(store), new TextCache(store), embedders, clock);
        ContextAssembler assembler = new ContextAssembler(store, sessions, retriever, traces, clock);
        ResponseTraces responseTraces = new ResponseTraces(traceWriter, documents);
        IdempotentWrites idempotency = new IdempotentWrites(store, clock);
        Reembedder reembedder = new Reembedder(store, embedders, clock);
        indexes.set(new ContextIndexes(reembedder, retriever));
        ChatExchange chat = new ChatExchange(sessions, turns, new ChatService(store, assembler, responseTraces, clock), idempotency,
                store.sessionLocks(), reembedder);
        return new Services(contexts, new KeyService(store, clock), sessions, turns,
                new FactIngestion(store, sessions, turns, reconciler, indexer, clock), new MemoryQueries(store, clock),
                new Forgetting(store, clock), assembler, traces, models, chat, responseTraces,
                idempotency, embedderCatalog, reembedder, retriever, traceWriter, extractionQueue(store, turns, contexts, clock));
    }
}
