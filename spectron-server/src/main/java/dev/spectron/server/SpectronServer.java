package dev.spectron.server;

import dev.spectron.core.auth.KeyService;
import dev.spectron.core.context.ContextService;
import dev.spectron.core.idempotency.IdempotentWrites;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.ingest.FactIngestion;
import dev.spectron.core.ingest.TurnIngestion;
import dev.spectron.server.facts.FactsRoutes;
import dev.spectron.core.memory.MemoryQueries;
import dev.spectron.server.memory.MemoryRoutes;
import dev.spectron.core.reconcile.Reconciler;
import dev.spectron.core.session.SessionService;
import dev.spectron.models.LanguageModels;
import dev.spectron.models.ProviderCredentials;
import dev.spectron.models.chat.ModelOptions;
import dev.spectron.server.extraction.ContextExtractors;
import dev.spectron.core.extraction.heuristics.HeuristicStage;
import dev.spectron.server.models.ContextModels;
import dev.spectron.server.admin.ContextRoutes;
import dev.spectron.server.admin.KeyRoutes;
import dev.spectron.server.auth.Authenticator;
import dev.spectron.server.bootstrap.BootstrapResult;
import dev.spectron.server.bootstrap.EmbeddedBootstrap;
import dev.spectron.server.health.HealthRoutes;
import dev.spectron.server.http.IdempotentResponder;
import dev.spectron.server.http.RequestIds;
import dev.spectron.server.problem.ProblemMapper;
import dev.spectron.server.session.SessionRoutes;
import dev.spectron.store.sqlite.SqliteMemoryStore;
import io.javalin.Javalin;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spectron server: store, services and HTTP routes wired together. {@link #start} opens the
 * store, runs the embedded bootstrap and listens; {@link #close} stops listening and closes the
 * store.
 */
public final class SpectronServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpectronServer.class);
    public static final String VERSION = "0.1.0";

    private final ServerConfig config;
    private final MemoryStore store;
    private final Javalin app;
    private final BootstrapResult bootstrap;

    private SpectronServer(ServerConfig config, MemoryStore store, Javalin app, BootstrapResult bootstrap) {
        this.config = config;
        this.store = store;
        this.app = app;
        this.bootstrap = bootstrap;
    }

    public static SpectronServer start(ServerConfig config) {
        LOG.info("starting with {}", config);
        // Millisecond ticks: stored times are milliseconds, so responses and later reads agree.
        Clock clock = Clock.tickMillis(java.time.ZoneOffset.UTC);
        MemoryStore store = SqliteMemoryStore.open(config.databaseFile());
        try {
            ContextModels models = new ContextModels(LanguageModels.create(ProviderCredentials.of(config.providerEnvironment()), ModelOptions.defaults()));
            ContextService contexts = new ContextService(store, clock, models::validate);
            KeyService keys = new KeyService(store, clock);
            SessionService sessions = new SessionService(store, clock);
            Reconciler reconciler = new Reconciler(clock);
            TurnIngestion ingestion = new TurnIngestion(store, sessions, reconciler, new ContextExtractors(new HeuristicStage(), contexts, models, store), clock);
            FactIngestion facts = new FactIngestion(store, sessions, ingestion, reconciler, clock);
            BootstrapResult bootstrap = new EmbeddedBootstrap(store, contexts, keys, clock).run(config);
            Authenticator auth = new Authenticator(keys, bootstrap.managementKey());
            IdempotentResponder responder = new IdempotentResponder(new IdempotentWrites(store, clock));
            long maxBody = config.maxBodyBytes();

            Javalin app = Javalin.create(javalin -> {
                javalin.startup.showJavalinBanner = false;
                javalin.concurrency.useVirtualThreads = true;
                javalin.http.maxRequestSize = maxBody;
                javalin.router.ignoreTrailingSlashes = true;
                javalin.routes.before(RequestIds::assign);
                ProblemMapper.register(javalin.routes);
                new HealthRoutes(store, VERSION).register(javalin.routes);
                // Management routes first: "/api/v1/contexts/..." must never be read as a context named "contexts".
                new ContextRoutes(contexts, auth, maxBody).register(javalin.routes);
                new KeyRoutes(keys, auth, maxBody).register(javalin.routes);
                new FactsRoutes(facts, contexts, auth, responder, maxBody).register(javalin.routes);
                new MemoryRoutes(new MemoryQueries(store, clock), auth).register(javalin.routes);
                new SessionRoutes(sessions, ingestion, contexts, auth, responder, maxBody).register(javalin.routes);
            });
            app.start(config.host(), config.port());
            LOG.info("listening on {}:{}", config.host(), app.port());
            return new SpectronServer(config, store, app, bootstrap);
        } catch (RuntimeException e) {
            store.close();
            throw e;
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
        app.stop();
        store.close();
    }
}
