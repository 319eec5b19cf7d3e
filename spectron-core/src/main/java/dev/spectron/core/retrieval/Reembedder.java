package dev.spectron.core.retrieval;

import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.embedding.Embedder;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.port.MemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every document of a context a vector under the context's current embedding model: after
 * the model changed, after a write that left its vectors for later (a chat's turns), or at start
 * for whatever a stopped process left without one. Vectors of the old model stay stored and are
 * never mixed in: the vector index only ever loads one model's vectors. Runs in the background,
 * one job per context, in batches that each commit on their own, with progress for polling.
 */
public final class Reembedder {
    private static final Logger LOG = LoggerFactory.getLogger(Reembedder.class);
    static final int BATCH = 64;
    /**
     * How long {@link #embedSoon} lets a write's response go out first: the job embeds on every
     * core, and started at once it slowed the reply it follows by ~1.5 ms (chat benchmark).
     * Writes within the pause join the same batch.
     */
    static final Duration SETTLE = Duration.ofMillis(25);

    public enum Status { RUNNING, DONE, FAILED }

    /** A snapshot of one job. */
    public record Progress(String model, Status status, int total, int done, String error, Instant startedAt, Instant finishedAt) {
    }

    private final MemoryStore store;
    private final EmbedderProvider embedders;
    private final Clock clock;
    private final Map<ContextId, Progress> jobs = new ConcurrentHashMap<>();
    private volatile boolean closed;
    /** Contexts whose running job must look once more for documents before it ends. */
    private final Set<ContextId> again = ConcurrentHashMap.newKeySet();

    public Reembedder(MemoryStore store, EmbedderProvider embedders, Clock clock) {
        this.store = store;
        this.embedders = embedders;
        this.clock = clock;
    }

    /**
     * Starts a job unless one is running for the context; returns the job's progress either way.
     * A running job looks once more before it ends, so documents committed before this call are
     * never left out.
     */
    public synchronized Progress start(ContextId contextId) {
        Progress running = jobs.get(contextId);
        if (running != null && running.status() == Status.RUNNING) {
            again.add(contextId);
            return running;
        }
        Embedder embedder = embedders.forContext(contextId);
        String model = embedder.id().model();
        return launch(contextId, embedder, store.read(tx -> tx.search().countWithoutVector(contextId, model)), Duration.ZERO);
    }

    /**
     * After a write that left its vectors for later: like {@link #start}, a {@link #SETTLE} later
     * and without counting the backlog first (a scan at 100k documents), so the writer does not
     * wait for it.
     */
    public synchronized void embedSoon(ContextId contextId) {
        Progress running = jobs.get(contextId);
        if (running != null && running.status() == Status.RUNNING) {
            again.add(contextId);
            return;
        }
        launch(contextId, embedders.forContext(contextId), 0, SETTLE);
    }

    private Progress launch(ContextId contextId, Embedder embedder, int total, Duration delay) {
        Progress started = new Progress(embedder.id().model(), Status.RUNNING, total, 0, null, clock.instant(), null);
        jobs.put(contextId, started);
        Thread.ofVirtual().name("spectron-reembed-" + contextId).start(() -> {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // run now: it reports the job's end either way, never leaves it RUNNING
            }
            run(contextId, embedder, started);
        });
        return started;
    }

    /**
     * Stops every job after its current batch and waits for it, at most {@code wait}; documents
     * left without a vector are picked up by {@link #resumeAll} at the next start.
     */
    public void close(Duration wait) {
        closed = true;
        Instant deadline = Instant.now().plus(wait);
        while (jobs.values().stream().anyMatch(p -> p.status() == Status.RUNNING) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** At start: a job for every context that has documents without a vector under its model. */
    public void resumeAll() {
        for (var context : store.read(tx -> tx.contexts().list())) {
            String model = embedders.forContext(context.id()).id().model();
            if (store.read(tx -> tx.search().countWithoutVector(context.id(), model)) > 0) {
                start(context.id());
            }
        }
    }

    public Optional<Progress> progress(ContextId contextId) {
        return Optional.ofNullable(jobs.get(contextId));
    }

    /** Called with nothing left to do: ends the job unless a start asked to look again, atomically with {@link #start}. */
    private synchronized boolean lookAgain(ContextId contextId) {
        if (again.remove(contextId)) {
            return true;
        }
        Progress current = jobs.get(contextId);
        jobs.put(contextId, new Progress(current.model(), Status.DONE, current.total(), current.done(), null, current.startedAt(), clock.instant()));
        return false;
    }

    private void run(ContextId contextId, Embedder embedder, Progress progress) {
        String model = embedder.id().model();
        int done = 0;
        try {
            while (!closed) {
                List<SearchDoc> batch = store.read(tx -> tx.search().withoutVector(contextId, model, BATCH));
                if (batch.isEmpty() && !lookAgain(contextId)) {
                    break;
                }
                if (batch.isEmpty()) {
                    continue;
                }
                List<float[]> vectors = embedder.embedAllInBackground(batch.stream().map(SearchDoc::text).toList());
                Instant now = clock.instant();
                store.write(tx -> {
                    for (int i = 0; i < batch.size(); i++) {
                        tx.search().putEmbedding(contextId, batch.get(i).id(), model, vectors.get(i));
                        tx.changes().append(contextId, ChangeKind.DOC_INDEXED, batch.get(i).id(), now);
                    }
                    return null;
                });
                done += batch.size();
                jobs.put(contextId, new Progress(model, Status.RUNNING, Math.max(progress.total(), done), done, null, progress.startedAt(), null));
            }
            LOG.debug("context {}: embedded {} documents with {}", contextId, done, model);
        } catch (RuntimeException e) {
            if (!closed) { // else the store closed under the job
                LOG.warn("context {}: re-embedding with {} failed after {} documents: {}", contextId, model, done, e.getMessage());
                jobs.put(contextId, new Progress(model, Status.FAILED, progress.total(), done, e.getMessage(), progress.startedAt(), clock.instant()));
            }
        } finally {
            if (closed) { // a restart picks up what is left
                int stoppedAt = done;
                jobs.computeIfPresent(contextId, (id, p) -> p.status() != Status.RUNNING ? p
                        : new Progress(model, Status.FAILED, p.total(), stoppedAt, "stopped with the server", p.startedAt(), clock.instant()));
            }
        }
    }
}
