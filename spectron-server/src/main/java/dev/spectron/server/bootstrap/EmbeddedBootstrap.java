package dev.spectron.server.bootstrap;

import dev.spectron.core.auth.KeySecrets;
import dev.spectron.core.auth.KeyService;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.context.ContextService;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.server.ServerConfig;
import dev.spectron.server.auth.ManagementKey;
import java.time.Clock;
import java.util.Map;
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
    private final ContextService contexts;
    private final KeyService keys;
    private final Clock clock;

    public EmbeddedBootstrap(MemoryStore store, ContextService contexts, KeyService keys, Clock clock) {
        this.store = store;
        this.contexts = contexts;
        this.keys = keys;
        this.clock = clock;
    }

    public BootstrapResult run(ServerConfig config) {
        String newManagementSecret = null;
        String managementHash;
        if (config.managementKey() != null) {
            managementHash = KeySecrets.hash(config.managementKey());
            putSetting(MANAGEMENT_KEY_HASH, managementHash);
        } else {
            Optional<String> stored = store.read(tx -> tx.settings().get(MANAGEMENT_KEY_HASH));
            if (stored.isPresent()) {
                managementHash = stored.get();
            } else {
                newManagementSecret = KeySecrets.newSecret("mgmt");
                managementHash = KeySecrets.hash(newManagementSecret);
                putSetting(MANAGEMENT_KEY_HASH, managementHash);
            }
        }

        boolean firstStart = store.read(tx -> tx.settings().get(BOOTSTRAPPED_AT)).isEmpty();
        String newDevKey = null;
        if (firstStart) {
            if (!contexts.exists(ContextId.DEFAULT)) {
                contexts.create(ContextId.DEFAULT, "created on first start", Map.of());
                LOG.info("created context 'default'");
            }
            if (config.apiKey() != null) {
                keys.register(ContextId.DEFAULT, DEV_KEY_NAME, config.apiKey());
            } else {
                newDevKey = keys.mint(ContextId.DEFAULT, DEV_KEY_NAME, null).secret();
            }
            putSetting(BOOTSTRAPPED_AT, clock.instant().toString());
        } else if (config.apiKey() != null) {
            if (contexts.exists(ContextId.DEFAULT)) {
                keys.register(ContextId.DEFAULT, ENV_KEY_NAME, config.apiKey());
            } else {
                LOG.warn("SPECTRON_API_KEY is set but context 'default' was deleted; the key is not registered");
            }
        }
        boolean defaultExists = contexts.exists(ContextId.DEFAULT);
        return new BootstrapResult(new ManagementKey(managementHash), newManagementSecret, newDevKey,
                config.apiKey() != null && defaultExists, defaultExists);
    }

    private void putSetting(String name, String value) {
        store.write(tx -> {
            tx.settings().put(name, value);
            return null;
        });
    }
}
