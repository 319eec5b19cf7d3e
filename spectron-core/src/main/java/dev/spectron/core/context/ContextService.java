package dev.spectron.core.context;

import dev.spectron.core.NotFoundException;
import dev.spectron.core.port.MemoryStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Creates, reads, reconfigures and deletes contexts (the management plane). */
public final class ContextService {
    /** Checks a configuration before it is stored, e.g. that its models resolve; throws to refuse it. */
    @FunctionalInterface
    public interface ConfigValidator {
        void validate(ContextConfig config);
    }

    private final MemoryStore store;
    private final Clock clock;
    private final ConfigValidator validator;

    public ContextService(MemoryStore store, Clock clock, ConfigValidator validator) {
        this.store = store;
        this.clock = clock;
        this.validator = validator;
    }

    public Context create(ContextId id, String description, Map<String, ?> config) {
        Context context = new Context(id, description, ContextConfig.of(config), clock.instant());
        validator.validate(context.config());
        store.write(tx -> {
            tx.contexts().insert(context);
            return null;
        });
        return context;
    }

    public Context get(ContextId id) {
        return store.read(tx -> tx.contexts().find(id)).orElseThrow(() -> notFound(id));
    }

    public boolean exists(ContextId id) {
        return store.read(tx -> tx.contexts().find(id)).isPresent();
    }

    public List<Context> list() {
        return store.read(tx -> tx.contexts().list());
    }

    /** Deep-merges {@code patch} into the stored config (JSON merge patch) and returns the result. */
    public Context patchConfig(ContextId id, Map<String, ?> patch) {
        return store.write(tx -> {
            Context current = tx.contexts().find(id).orElseThrow(() -> notFound(id));
            Context updated = current.withConfig(current.config().merge(patch));
            validator.validate(updated.config());
            tx.contexts().updateConfig(id, updated.config());
            return updated;
        });
    }

    public void delete(ContextId id) {
        if (!store.write(tx -> tx.contexts().delete(id))) {
            throw notFound(id);
        }
    }

    private static NotFoundException notFound(ContextId id) {
        return new NotFoundException("context '" + id + "' does not exist");
    }
}
