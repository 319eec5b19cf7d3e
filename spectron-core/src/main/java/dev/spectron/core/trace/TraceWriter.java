package dev.spectron.core.trace;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.port.StoredTrace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes traces to the store in batches, off the request path, and finds them again for
 * {@code GET /traces/{id}} from any server process.
 *
 * <p>{@link #record} only enqueues: no I/O, no rendering, no waiting. One background thread takes
 * the queue every {@link Settings#flushInterval} or as soon as {@link Settings#batchSize} traces
 * wait, renders them and stores each batch in one {@link MemoryStore#write}. A trace is found
 * from memory while it waits or is being written (so the process that made it answers at once)
 * and from the store once written (so every process does). The queue is bounded: when it is
 * full the oldest waiting trace is dropped and counted, and a warning says so at most once a
 * minute; a request never blocks on tracing. The same thread deletes traces older than
 * {@link Settings#retention}, at start and every {@link Settings#retentionInterval}.
 * {@link #close} writes what is still queued.
 */
public final class TraceWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TraceWriter.class);
    private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    /**
     * @param flushInterval     longest a trace waits in memory before it is written
     * @param batchSize         traces per store write, and the queue length that triggers one early
     * @param capacity          most traces waiting; beyond it the oldest is dropped
     * @param retention         traces older than this are deleted
     * @param retentionInterval how often the deletion runs (also once at start)
     */
    public record Settings(Duration flushInterval, int batchSize, int capacity, Duration retention, Duration retentionInterval) {
        public static final Duration DEFAULT_RETENTION = Duration.ofHours(72);

        public Settings {
            requirePositive(flushInterval, "flushInterval");
            requirePositive(retention, "retention");
            requirePositive(retentionInterval, "retentionInterval");
            if (batchSize < 1 || capacity < batchSize) {
                throw new IllegalArgumentException("need 1 <= batchSize <= capacity; got batchSize " + batchSize + ", capacity " + capacity);
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofMillis(250), 256, 10_000, DEFAULT_RETENTION, Duration.ofHours(1));
        }

        public Settings withRetention(Duration value) {
            return new Settings(flushInterval, batchSize, capacity, value, retentionInterval);
        }

        private static void requirePositive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive; got " + value);
            }
        }
    }

    /** What the writer has done so far. */
    public record Stats(long recorded, long written, long writes, long dropped, long failed, int pending) {
    }

    private record Key(ContextId contextId, String id) {
    }

    /** A trace not yet stored; its document is rendered once, by whoever needs it first. */
    private static final class Pending {
        private final Key key;
        private final StoredTrace.Kind kind;
        private final Instant createdAt;
        private Supplier<String> render;
        private volatile String json;

        Pending(Key key, StoredTrace.Kind kind, Instant createdAt, Supplier<String> render) {
            this.key = key;
            this.kind = kind;
            this.createdAt = createdAt;
            this.render = render;
        }

        String json() {
            String rendered = json;
            if (rendered == null) {
                synchronized (this) {
                    if (json == null) {
                        json = Objects.requireNonNull(render.get(), "rendered trace");
                        render = null;
                    }
                    rendered = json;
                }
            }
            return rendered;
        }

        StoredTrace stored() {
            return new StoredTrace(key.contextId(), key.id(), kind, createdAt, json());
        }
    }

    private final MemoryStore store;
    private final Clock clock;
    private final Settings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    // Guarded by lock: the queue, oldest first, and the batch being written.
    private final LinkedHashMap<Key, Pending> queue = new LinkedHashMap<>();
    private Map<Key, Pending> inFlight = Map.of();
    private boolean closing;
    private long recorded;
    private long dropped;
    // Written by the writer thread only.
    private volatile long written;
    private volatile long writes;
    private volatile long failed;
    private long droppedReported;
    private long lastWarning = System.nanoTime() - WARNING_INTERVAL_NANOS;
    private Thread thread;

    private TraceWriter(MemoryStore store, Clock clock, Settings settings) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
    }

    /** A writer with its background thread running. */
    public static TraceWriter start(MemoryStore store, Clock clock, Settings settings) {
        TraceWriter writer = new TraceWriter(Objects.requireNonNull(store), Objects.requireNonNull(clock), Objects.requireNonNull(settings));
        writer.thread = Thread.ofPlatform().daemon().name("spectron-trace-writer").start(writer::run);
        return writer;
    }

    /**
     * Queues a trace. {@code render} makes its document, later and on another thread, so it must
     * read only values that no longer change. Never blocks on I/O; after {@link #close} the trace
     * is dropped.
     */
    public void record(ContextId contextId, String id, StoredTrace.Kind kind, Instant createdAt, Supplier<String> render) {
        Pending trace = new Pending(new Key(contextId, id), kind, createdAt, render);
        lock.lock();
        try {
            recorded++;
            if (closing) {
                dropped++;
                return;
            }
            queue.put(trace.key, trace);
            if (queue.size() > settings.capacity()) {
                Iterator<Pending> oldest = queue.values().iterator();
                oldest.next();
                oldest.remove();
                dropped++;
            }
            if (queue.size() >= settings.batchSize()) {
                wake.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The trace's document, only within the context that made it: from memory while it waits, else from the store. */
    public Optional<String> find(ContextId contextId, String id) {
        Key key = new Key(contextId, id);
        Pending waiting;
        lock.lock();
        try {
            waiting = queue.get(key);
            if (waiting == null) {
                waiting = inFlight.get(key);
            }
        } finally {
            lock.unlock();
        }
        if (waiting != null) {
            return Optional.of(waiting.json());
        }
        return store.read(tx -> tx.traces().find(contextId, id)).map(StoredTrace::json);
    }

    public Stats stats() {
        lock.lock();
        try {
            return new Stats(recorded, written, writes, dropped, failed, queue.size() + inFlight.size());
        } finally {
            lock.unlock();
        }
    }

    /** Stops taking traces and writes those queued, waiting at most {@code timeout}. */
    public void close(Duration timeout) {
        lock.lock();
        try {
            closing = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
        try {
            if (!thread.join(timeout)) {
                LOG.warn("trace writer did not finish within {}; {} traces not written", timeout, stats().pending());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    private void run() {
        long nextPurge = System.nanoTime();
        while (true) {
            if (System.nanoTime() - nextPurge >= 0) {
                purgeExpired();
                nextPurge = System.nanoTime() + settings.retentionInterval().toNanos();
            }
            List<Pending> batch = takeBatch();
            if (batch == null) {
                return;
            }
            if (!batch.isEmpty()) {
                write(batch);
            }
            reportDrops();
        }
    }

    /** Waits for a full batch, the flush interval or close; null once closed and drained. */
    private List<Pending> takeBatch() {
        lock.lock();
        try {
            if (!closing && queue.size() < settings.batchSize()) {
                try {
                    wake.awaitNanos(settings.flushInterval().toNanos());
                } catch (InterruptedException e) {
                    closing = true; // nobody interrupts this thread but a JVM going down: write what is left
                }
            }
            if (queue.isEmpty()) {
                return closing ? null : List.of();
            }
            Map<Key, Pending> taken = new LinkedHashMap<>();
            Iterator<Pending> oldest = queue.values().iterator();
            while (oldest.hasNext() && taken.size() < settings.batchSize()) {
                Pending trace = oldest.next();
                oldest.remove();
                taken.put(trace.key, trace);
            }
            inFlight = taken; // still found from memory until the write has committed
            return List.copyOf(taken.values());
        } finally {
            lock.unlock();
        }
    }

    private void write(List<Pending> batch) {
        try {
            List<StoredTrace> documents = new ArrayList<>(batch.size());
            for (Pending trace : batch) {
                try {
                    documents.add(trace.stored());
                } catch (RuntimeException e) {
                    failed++;
                    LOG.warn("trace {} not stored: rendering failed", trace.key.id(), e);
                }
            }
            store.write(tx -> {
                tx.traces().insert(documents);
                return null;
            });
            writes++;
            written += documents.size();
        } catch (RuntimeException e) {
            failed += batch.size();
            warn("{} traces not stored: {}", batch.size(), e.toString());
        } finally {
            lock.lock();
            try {
                inFlight = Map.of();
            } finally {
                lock.unlock();
            }
        }
    }

    private void purgeExpired() {
        Instant cutoff = clock.instant().minus(settings.retention());
        try {
            int deleted = store.write(tx -> tx.traces().deleteCreatedBefore(cutoff));
            if (deleted > 0) {
                LOG.debug("deleted {} traces created before {}", deleted, cutoff);
            }
        } catch (RuntimeException e) {
            LOG.warn("traces created before {} not deleted: {}", cutoff, e.toString());
        }
    }

    private void reportDrops() {
        long droppedNow;
        lock.lock();
        try {
            droppedNow = dropped;
        } finally {
            lock.unlock();
        }
        if (droppedNow > droppedReported && warn("trace queue full ({} waiting at most): {} traces dropped, {} in total",
                settings.capacity(), droppedNow - droppedReported, droppedNow)) {
            droppedReported = droppedNow;
        }
    }

    /** Logs a warning unless one was logged within the last minute; says whether it did. */
    private boolean warn(String format, Object... args) {
        long now = System.nanoTime();
        if (now - lastWarning < WARNING_INTERVAL_NANOS) {
            return false;
        }
        lastWarning = now;
        LOG.warn(format, args);
        return true;
    }
}
