package dev.spectron.core.ingest;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.reconcile.ExtractionStatus;
import dev.spectron.core.reconcile.MemoryDiff;
import dev.spectron.core.session.Session;
import dev.spectron.core.session.Turn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the asynchronous extractions queued by {@link TurnIngestion#commitDeferred} (issue 20), on
 * a few virtual threads per server process. Each worker claims a job in a write transaction (so on
 * several nodes one job is claimed by one worker), extracts the stored turn outside any
 * transaction, then writes what it found and finishes the job in one transaction; a session's
 * turns are extracted in order, one at a time.
 *
 * <p>A claim is a lease, renewed while the extraction runs: a node that dies gives its job back
 * when the lease lapses, and one that stops gives it back at once. Jobs left by a stopped or
 * crashed process are taken up by the next start, or by any other node.
 */
public final class ExtractionQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractionQueue.class);
    /** How long a claim holds without renewal: a crashed node's jobs wait this long at most. */
    static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration RENEW_EVERY = Duration.ofSeconds(20);
    /** How often an idle worker looks for jobs queued by other nodes (its own wake it at once). */
    static final Duration IDLE_POLL = Duration.ofSeconds(1);

    /** Renders a finished extraction as {@code GET .../extraction} answers it, the sync turn's diff shape. */
    @FunctionalInterface
    public interface Results {
        String render(Turn turn, MemoryDiff diff);
    }

    private final MemoryStore store;
    private final TurnIngestion turns;
    private final ToDoubleFunction<ContextId> confidenceFloors;
    private final Results results;
    private final Clock clock;
    private final String worker;
    private final Semaphore wakeups = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /** Why a finished extraction is not written: this worker no longer holds the job, or is stopping. */
    private static final class NotWritten extends RuntimeException {
        NotWritten(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param worker this process's name in claims: unique among the nodes on one database
     */
    public ExtractionQueue(MemoryStore store, TurnIngestion turns, ToDoubleFunction<ContextId> confidenceFloors, Results results, Clock clock,
                           String worker) {
        this.store = store;
        this.turns = turns;
        this.confidenceFloors = confidenceFloors;
        this.results = results;
        this.clock = clock;
        this.worker = worker;
    }

    /** Starts {@code workers} workers; they take up at once whatever an earlier process left queued. */
    public synchronized void start(int workers) {
        running = true;
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofVirtual().name("spectron-extraction-" + i).start(this::work));
        }
    }

    /** A job was queued by this process: an idle worker takes it now rather than at its next poll. */
    public void wake() {
        wakeups.release();
    }

    private void work() {
        while (running) {
            try {
                Optional<ExtractionJob> job = claim();
                if (job.isPresent()) {
                    run(job.get());
                } else if (wakeups.tryAcquire(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("extraction worker {}: {}; trying again shortly", worker, e.toString());
                pause();
            }
        }
    }

    private Optional<ExtractionJob> claim() {
        Instant now = clock.instant();
        return store.write(tx -> tx.extractionJobs().claimNext(worker, now, now.plus(LEASE)));
    }

    private void run(ExtractionJob job) {
        Thread renewal = Thread.ofVirtual().name("spectron-extraction-lease").start(() -> renew(job));
        try {
            extract(job);
        } catch (NotWritten skipped) {
            LOG.info("extraction of turn {} in context {} not written: {}", job.turnId(), job.contextId(), skipped.getMessage());
            release(job);
        } catch (RuntimeException e) {
            if (!running) {
                release(job);
                return;
            }
            LOG.error("extraction of turn {} in context {} could not be written", job.turnId(), job.contextId(), e);
            failWith(job, "the extraction ran but could not be stored: " + e.getMessage());
        } finally {
            renewal.interrupt();
        }
    }

    private void extract(ExtractionJob job) {
        record Target(Turn turn, Session session) {
        }
        Optional<Target> target = store.read(tx -> tx.turns().findByIds(job.contextId(), List.of(job.turnId())).stream().findFirst()
                .flatMap(turn -> tx.sessions().find(job.contextId(), turn.sessionId()).map(session -> new Target(turn, session))));
        if (target.isEmpty()) {
            return; // the turn was deleted after it was queued: its job went with it
        }
        PreparedTurn prepared = turns.prepareStored(target.get().session(), target.get().turn());
        double floor = confidenceFloors.applyAsDouble(job.contextId());
        store.write(tx -> {
            if (!running) {
                throw new NotWritten("the server is stopping; the job goes back to the queue");
            }
            IngestedTurn ingested = turns.commitStored(tx, prepared, target.get().turn(), floor);
            ExtractionJob.State state = ingested.diff().extraction().failed() ? ExtractionJob.State.FAILED : ExtractionJob.State.OK;
            if (!tx.extractionJobs().finish(job.contextId(), job.turnId(), worker, state, results.render(ingested.turn(), ingested.diff()),
                    clock.instant())) {
                throw new NotWritten("another worker holds the job now");
            }
            return null;
        });
    }

    private void failWith(ExtractionJob job, String reason) {
        try {
            Turn turn = store.read(tx -> tx.turns().findByIds(job.contextId(), List.of(job.turnId()))).stream().findFirst().orElse(null);
            if (turn == null) {
                return;
            }
            String result = results.render(turn, MemoryDiff.empty(new ExtractionStatus(List.of(), reason)));
            store.write(tx -> tx.extractionJobs().finish(job.contextId(), job.turnId(), worker, ExtractionJob.State.FAILED, result,
                    clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("extraction of turn {} in context {}: the failure could not be recorded either ({}); the job is retried when its lease lapses",
                    job.turnId(), job.contextId(), e.toString());
        }
    }

    private void renew(ExtractionJob job) {
        try {
            while (true) {
                Thread.sleep(RENEW_EVERY);
                Instant until = clock.instant().plus(LEASE);
                if (!store.write(tx -> tx.extractionJobs().renew(job.contextId(), job.turnId(), worker, until))) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("extraction of turn {}: the lease could not be renewed ({})", job.turnId(), e.toString());
        }
    }

    private void release(ExtractionJob job) {
        Thread.interrupted(); // a stop interrupted this worker: the claim must still go back
        try {
            store.write(tx -> {
                tx.extractionJobs().release(job.contextId(), job.turnId(), worker);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("extraction of turn {}: the claim could not be given back ({}); it lapses with its lease", job.turnId(), e.toString());
        }
    }

    private void pause() {
        try {
            Thread.sleep(IDLE_POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the workers, waiting up to {@code grace} for them: an extraction under way is
     * abandoned, not written, and its job given back for the next start or another node.
     */
    public synchronized void close(Duration grace) {
        running = false;
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
