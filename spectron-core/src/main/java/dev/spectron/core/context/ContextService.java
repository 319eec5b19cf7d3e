package dev.spectron.core.context;

import dev.spectron.core.NotFoundException;
import dev.spectron.core.port.MemoryStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates, reads, reconfigures and deletes contexts (the management plane).
 *
 * <p>Every request reads its context's configuration, some several times (models, embedder,
 * confidence floor), so {@link #get} keeps what it read for {@value #FRESH_MILLIS} ms. A change
 * made through this service is seen at once; one made by another server process on the same
 * database, within that time.
 */
public final class ContextService {
    static final long FRESH_MILLIS = 1_000;

    /** Checks a configuration before it is stored, e.g. that its models resolve; throws to refuse it. */
    @FunctionalInterface
    public interface ConfigValidator {
        void validate(ContextConfig config);
    }

    /**
     * Keeps a context's in-process search indexes in step with its lifecycle: what to do is the
     * indexes' business, when is this service's.
     */
    public interface IndexUpkeep {
        /** Does nothing: for tools and tests that build no indexes. */
        IndexUpkeep NONE = new IndexUpkeep() {
            @Override
            public void embeddingModelChanged(ContextId id) {
            }

            @Override
            public void deleted(ContextId id) {
            }
        };

        /** The context's embedding model changed: its vectors must be made again with the new one, never mixed. */
        void embeddingModelChanged(ContextId id);

        /** The context is gone: free what its indexes hold. */
        void deleted(ContextId id);
    }

    private final MemoryStore store;
    private final Clock clock;
    private final ConfigValidator validator;
    private final IndexUpkeep indexes;
    private final Map<ContextId, Read> recent = new ConcurrentHashMap<>();

    private record Read(Context context, long atNanos) {
    }

    public ContextService(MemoryStore store, Clock clock, ConfigValidator validator) {
        this(store, clock, validator, IndexUpkeep.NONE);
    }

    public ContextService(MemoryStore store, Clock clock, ConfigValidator validator, IndexUpkeep indexes) {
        this.store = store;
        this.clock = clock;
        this.validator = validator;
        this.indexes = indexes;
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
        Read read = recent.get(id);
        long now = System.nanoTime();
        if (read != null && now - read.atNanos() < FRESH_MILLIS * 1_000_000) {
            return read.context();
        }
        Context context = store.read(tx -> tx.contexts().find(id)).orElseThrow(() -> notFound(id));
        recent.put(id, new Read(context, now));
        return context;
    }

    public boolean exists(ContextId id) {
        return store.read(tx -> tx.contexts().find(id)).isPresent();
    }

    public List<Context> list() {
        return store.read(tx -> tx.contexts().list());
    }

    /**
     * Deep-merges {@code patch} into the stored config (JSON merge patch) and returns the result.
     * A new embedding model starts re-embedding the context in the background.
     */
    public Context patchConfig(ContextId id, Map<String, ?> patch) {
        Context before = get(id);
        Context changed = store.write(tx -> {
            Context current = tx.contexts().find(id).orElseThrow(() -> notFound(id));
            Context updated = current.withConfig(current.config().merge(patch));
            validator.validate(updated.config());
            tx.contexts().updateConfig(id, updated.config());
            return updated;
        });
        recent.remove(id); // after the commit: a read in between may have kept the old config
        if (!before.config().models().embedding().equals(changed.config().models().embedding())) {
            indexes.embeddingModelChanged(id);
        }
        return changed;
    }

    /** Deletes the context and everything in it, and frees its in-process indexes. */
    public void delete(ContextId id) {
        boolean deleted = store.write(tx -> tx.contexts().delete(id));
        recent.remove(id);
        if (!deleted) {
            throw notFound(id);
        }
        indexes.deleted(id);
    }

    private static NotFoundException notFound(ContextId id) {
        return new NotFoundException("context '" + id + "' does not exist");
    }
}
