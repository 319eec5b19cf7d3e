package dev.spectron.core.port.memory;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.ingest.ExtractionJob;
import dev.spectron.core.port.ExtractionJobs;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/** The extraction queue as {@code JdbcExtractionJobs} keeps it: claims are leases, a session's jobs go in turn order. */
final class InMemoryExtractionJobs implements ExtractionJobs {
    private static final Comparator<ExtractionJob> OLDEST_FIRST = Comparator.comparing(ExtractionJob::createdAt)
            .thenComparing(job -> job.contextId().value()).thenComparingLong(ExtractionJob::turnSeq);

    private final InMemoryTransaction tx;

    InMemoryExtractionJobs(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void enqueue(ExtractionJob job) {
        Tables t = tx.writeIn(job.contextId());
        if (!t.turns.containsKey(new Tables.Key(job.contextId(), job.turnId()))) {
            throw new IllegalStateException("foreign key: no turn '" + job.turnId() + "'");
        }
        t.jobs.put(new Tables.Key(job.contextId(), job.turnId()), new Tables.JobRow(job, null, null));
    }

    @Override
    public Optional<ExtractionJob> claimNext(String worker, Instant now, Instant leaseUntil) {
        Tables t = tx.write();
        Optional<Tables.JobRow> next = t.jobs.values().stream()
                .filter(row -> pending(row) && (row.claimedUntil() == null || !row.claimedUntil().isAfter(now)))
                .filter(row -> t.jobs.values().stream().noneMatch(other -> pending(other) && sameSession(other, row)
                        && other.job().turnSeq() < row.job().turnSeq()))
                .min(Comparator.comparing(Tables.JobRow::job, OLDEST_FIRST));
        next.ifPresent(row -> t.jobs.put(key(row.job()), new Tables.JobRow(row.job(), worker, leaseUntil)));
        return next.map(Tables.JobRow::job);
    }

    @Override
    public boolean renew(ContextId contextId, String turnId, String worker, Instant leaseUntil) {
        return claimedBy(contextId, turnId, worker).map(row -> {
            tx.write().jobs.put(key(row.job()), new Tables.JobRow(row.job(), worker, leaseUntil));
            return true;
        }).orElse(false);
    }

    @Override
    public void release(ContextId contextId, String turnId, String worker) {
        claimedBy(contextId, turnId, worker).ifPresent(row -> tx.write().jobs.put(key(row.job()), new Tables.JobRow(row.job(), null, null)));
    }

    @Override
    public boolean finish(ContextId contextId, String turnId, String worker, ExtractionJob.State state, String result, Instant at) {
        if (state == ExtractionJob.State.PENDING) {
            throw new IllegalArgumentException("a job finishes ok or failed, not pending");
        }
        return claimedBy(contextId, turnId, worker).map(row -> {
            ExtractionJob job = row.job();
            ExtractionJob done = new ExtractionJob(job.contextId(), job.turnId(), job.sessionId(), job.turnSeq(), state, result,
                    job.createdAt(), at);
            tx.write().jobs.put(key(job), new Tables.JobRow(done, null, null));
            return true;
        }).orElse(false);
    }

    @Override
    public Optional<ExtractionJob> find(ContextId contextId, String turnId) {
        return Optional.ofNullable(tx.read().jobs.get(new Tables.Key(contextId, turnId))).map(Tables.JobRow::job);
    }

    @Override
    public long pending() {
        return tx.read().jobs.values().stream().filter(InMemoryExtractionJobs::pending).count();
    }

    private Optional<Tables.JobRow> claimedBy(ContextId contextId, String turnId, String worker) {
        return Optional.ofNullable(tx.write().jobs.get(new Tables.Key(contextId, turnId)))
                .filter(row -> pending(row) && worker.equals(row.claimedBy()));
    }

    private static boolean pending(Tables.JobRow row) {
        return row.job().state() == ExtractionJob.State.PENDING;
    }

    private static boolean sameSession(Tables.JobRow a, Tables.JobRow b) {
        return a.job().contextId().equals(b.job().contextId()) && a.job().sessionId().equals(b.job().sessionId());
    }

    private static Tables.Key key(ExtractionJob job) {
        return new Tables.Key(job.contextId(), job.turnId());
    }
}
