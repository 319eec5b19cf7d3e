package dev.spectron.server;

import dev.spectron.core.ingest.ExtractionQueue;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.retrieval.Reembedder;
import dev.spectron.core.trace.TraceWriter;
import dev.spectron.server.admin.ContextRoutes;
import dev.spectron.server.admin.KeyRoutes;
import dev.spectron.server.auth.Authenticator;
import dev.spectron.server.bootstrap.BootstrapResult;
import dev.spectron.server.bootstrap.DataDirectoryLock;
import dev.spectron.server.bootstrap.EmbeddedBootstrap;
import dev.spectron.server.chat.ChatRoutes;
import dev.spectron.server.facts.FactsRoutes;
import dev.spectron.server.health.HealthRoutes;
import dev.spectron.server.http.IdempotentResponder;
import dev.spectron.server.http.JsonBody;
import dev.spectron.server.http.QueryParams;
import dev.spectron.server.http.RequestIds;
import dev.spectron.server.memory.ForgetRoutes;
import dev.spectron.server.memory.MemoryRoutes;
import dev.spectron.server.problem.ProblemMapper;
import dev.spectron.server.retrieval.RetrievalRoutes;
import dev.spectron.server.session.SessionRoutes;
import dev.spectron.server.trace.TraceRoutes;
import dev.spectron.store.postgres.PostgresMemoryStore;
import dev.spectron.store.postgres.PostgresStoreException;
import dev.spectron.store.sqlite.SqliteMemoryStore;
import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spectron server: store, services and HTTP routes wired together. {@link #start} opens the
 * store, runs the embedded bootstrap and listens; {@link #close} stops listening and closes the
 * store.
 */
public final class SpectronServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpectronServer.class);
    /** The build's version (the Maven project version), as /health and {@code spectron -V} report it. */
    public static final String VERSION = BuildVersion.read();

    /** Asynchronous extractions run at once per process; sessions beyond that wait their turn in the queue. */
    private static final int EXTRACTION_WORKERS = 2;

    private final ServerConfig config;
    private final MemoryStore store;
    private final Javalin app;
    private final BootstrapResult bootstrap;
    private final Reembedder reembedder;
    private final TraceWriter traces;
    private final ExtractionQueue extractions;
    private final DataDirectoryLock dataDirLock;

    private SpectronServer(ServerConfig config, MemoryStore store, Javalin app, BootstrapResult bootstrap, Reembedder reembedder,
                           TraceWriter traces, ExtractionQueue extractions, DataDirectoryLock dataDirLock) {
        this.config = config;
        this.store = store;
        this.app = app;
        this.bootstrap = bootstrap;
        this.reembedder = reembedder;
        this.traces = traces;
        this.extractions = extractions;
        this.dataDirLock = dataDirLock;
    }

    /**
     * @throws dev.spectron.server.bootstrap.DataDirectoryInUseException when another server uses the
     *         data directory: the embedded store serves one process (issue 17 point 2)
     */
    public static SpectronServer start(ServerConfig config) {
        ListenAddress.check(config.host(), config.port());
        // Before anything is logged or opened, so a refused second process says one line and touches nothing.
        // PostgreSQL is shared by design: only the embedded store is held to one process.
        DataDirectoryLock lock = config.postgres() == null ? DataDirectoryLock.acquire(config.dataDir()) : DataDirectoryLock.none();
        try {
            return start(config, lock);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    private static SpectronServer start(ServerConfig config, DataDirectoryLock lock) {
        LOG.info("starting with {}", config);
        // Millisecond ticks: stored times are milliseconds, so responses and later reads agree.
        Clock clock = Clock.tickMillis(java.time.ZoneOffset.UTC);
        MemoryStore store = openStore(config);
        Services services;
        try {
            services = Services.wire(store, config, clock);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        try {
            BootstrapResult bootstrap = new EmbeddedBootstrap(store, services.keys(), clock).run(config);
            Authenticator auth = new Authenticator(services.keys(), bootstrap.managementKey());
            IdempotentResponder responder = new IdempotentResponder(services.idempotency());
            long maxBody = config.maxBodyBytes();

            Javalin app = Javalin.create(javalin -> {
                javalin.startup.showJavalinBanner = false;
                javalin.concurrency.useVirtualThreads = true;
                javalin.http.maxRequestSize = maxBody;
                javalin.router.ignoreTrailingSlashes = true;
                javalin.http.prefer405over404 = true; // a known path with another method is 405 with Allow, not 404
                javalin.routes.before(RequestIds::assign);
                ProblemMapper.register(javalin.routes);
                ProblemMapper.register(javalin.jetty);
                javalin.routes.before(QueryParams::refuseNul);
                javalin.routes.after(ctx -> JsonBody.drain(ctx, maxBody));
                new HealthRoutes(store, VERSION).register(javalin.routes);
                // Management routes first: "/api/v1/contexts/..." must never be read as a context named "contexts".
                new ContextRoutes(services.contexts(), services.reembedder(), auth, maxBody).register(javalin.routes);
                new KeyRoutes(services.keys(), auth, maxBody).register(javalin.routes);
                new FactsRoutes(services.facts(), services.contexts(), auth, responder, maxBody).register(javalin.routes);
                new RetrievalRoutes(services.assembler(), auth, maxBody).register(javalin.routes);
                new TraceRoutes(services.traceWriter(), auth).register(javalin.routes);
                new ChatRoutes(services.contexts(), services.models(), services.chat(), auth, maxBody).register(javalin.routes);
                new MemoryRoutes(services.memory(), auth).register(javalin.routes);
                new ForgetRoutes(services.forgetting(), auth, responder, maxBody).register(javalin.routes);
                new SessionRoutes(services.sessions(), services.turns(), services.extractions(), services.contexts(), auth, responder,
                        maxBody).register(javalin.routes);
            });
            try {
                app.start(config.host(), config.port());
            } catch (JavalinBindException e) {
                throw ListenAddress.inUse(config.host(), config.port(), e); // taken since the check
            }
            services.embedders().warmUpDefault();
            services.reembedder().resumeAll(); // vectors a stopped process left for later
            services.extractions().start(EXTRACTION_WORKERS); // and extractions it left queued
            Thread.ofVirtual().name("spectron-index-warm-up").start(() -> warmIndexes(store, services));
            LOG.info("listening on {}:{}", config.host(), app.port());
            return new SpectronServer(config, store, app, bootstrap, services.reembedder(), services.traceWriter(), services.extractions(), lock);
        } catch (RuntimeException e) {
            services.extractions().close(Duration.ofSeconds(5));
            services.traceWriter().close(Duration.ofSeconds(5));
            store.close();
            throw e;
        }
    }

    /** The store {@code config} selects: PostgreSQL when a database URL is set (several nodes may share it), else the embedded SQLite file. */
    public static MemoryStore openStore(ServerConfig config) {
        if (config.postgres() == null) {
            return SqliteMemoryStore.open(config.databaseFile());
        }
        try {
            return PostgresMemoryStore.open(config.postgres());
        } catch (PostgresStoreException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    /**
     * Builds every context's search indexes in the background, so no first read waits for them.
     * Best effort: what fails here (the server stopping, a model that does not load) is left to
     * the first read, which tries again and reports it.
     */
    private static void warmIndexes(MemoryStore store, Services services) {
        try {
            for (var context : store.read(tx -> tx.contexts().list())) {
                try {
                    services.retriever().warm(context.id());
                } catch (RuntimeException e) {
                    LOG.debug("context {}: search indexes not built ahead: {}", context.id(), e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("search indexes not built ahead: {}", e.getMessage());
        }
    }

    public int port() {
        return app.port();
    }

    /** A URL a local client can use (a wildcard bind address becomes {@code localhost}). */
    public String localUrl() {
        String host = config.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
            host = "localhost";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    public ServerConfig config() {
        return config;
    }

    public BootstrapResult bootstrap() {
        return bootstrap;
    }

    @Override
    public void close() {
        try {
            app.stop();
            extractions.close(Duration.ofSeconds(10)); // an extraction under way goes back to the queue
            reembedder.close(Duration.ofSeconds(10));
            traces.close(Duration.ofSeconds(10)); // the traces still queued are written before the store closes
            store.close();
        } finally {
            dataDirLock.close();
        }
    }
}
