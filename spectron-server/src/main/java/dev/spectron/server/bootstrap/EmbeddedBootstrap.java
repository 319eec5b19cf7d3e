package dev.spectron.server.bootstrap;

import dev.spectron.core.auth.KeySecrets;
import dev.spectron.core.auth.KeyService;
import dev.spectron.core.context.Context;
import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.server.ServerConfig;
import dev.spectron.server.auth.ManagementKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First-start set-up of the embedded default: a management key, context {@code default} and a
 * development key. Keys given in the environment are used instead of generated ones, so scripts
 * know them; generated secrets are returned once for printing and only their hashes are stored.
 */
public final class EmbeddedBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBootstrap.class);
    private static final String MANAGEMENT_KEY_HASH = "management_key_hash";
    private static final String BOOTSTRAPPED_AT = "bootstrapped_at";
    public static final String DEV_KEY_NAME = "dev";
    private static final String ENV_KEY_NAME = "env";

    private final MemoryStore store;
    private final KeyService keys;
    private final Clock clock;

    public EmbeddedBootstrap(MemoryStore store, KeyService keys, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * One write transaction, so that nodes starting together on one new database agree: the first
     * to commit sets up, the others find its management key and context and set up nothing.
     */
    public BootstrapResult run(ServerConfig config) {
        Instant now = clock.instant();
        return store.write(tx -> {
            Optional<String> stored = tx.settings().get(MANAGEMENT_KEY_HASH);
            String newManagementSecret = config.managementKey() == null && stored.isEmpty() ? KeySecrets.newSecret("mgmt") : null;
            String chosen = config.managementKey() != null ? config.managementKey() : newManagementSecret;
            String managementHash = chosen != null ? KeySecrets.hash(chosen) : stored.orElseThrow();
            if (chosen != null) {
                tx.settings().put(MANAGEMENT_KEY_HASH, managementHash);
            }
            String newDevKey = tx.settings().get(BOOTSTRAPPED_AT).isEmpty() ? firstStart(tx, config, now) : laterStart(tx, config);
            boolean defaultExists = tx.contexts().find(ContextId.DEFAULT).isPresent();
            return new BootstrapResult(new ManagementKey(managementHash), newManagementSecret, newDevKey,
                    config.apiKey() != null && defaultExists, defaultExists);
        });
    }

    /** Context {@code default} and its development key; returns the key's secret when one was generated. */
    private String firstStart(StoreTransaction tx, ServerConfig config, Instant now) {
        if (tx.contexts().find(ContextId.DEFAULT).isEmpty()) {
            tx.contexts().insert(new Context(ContextId.DEFAULT, "created on first start", ContextConfig.empty(), now));
            LOG.info("creating context 'default'");
        }
        String newDevKey = null;
        if (config.apiKey() != null) {
            keys.register(tx, ContextId.DEFAULT, DEV_KEY_NAME, config.apiKey());
        } else {
            newDevKey = keys.mint(tx, ContextId.DEFAULT, DEV_KEY_NAME, null).secret();
        }
        tx.settings().put(BOOTSTRAPPED_AT, now.toString());
        return newDevKey;
    }

    /** A key given in the environment on a later start joins {@code default}, unless that context was deleted. */
    private String laterStart(StoreTransaction tx, ServerConfig config) {
        if (config.apiKey() != null) {
            if (tx.contexts().find(ContextId.DEFAULT).isPresent()) {
                keys.register(tx, ContextId.DEFAULT, ENV_KEY_NAME, config.apiKey());
            } else {
                LOG.warn("SPECTRON_API_KEY is set but context 'default' was deleted; the key is not registered");
            }
        }
        return null;
    }
}
