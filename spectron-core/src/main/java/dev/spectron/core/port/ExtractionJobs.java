package dev.spectron.core.port;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.ingest.ExtractionJob;
import java.time.Instant;
import java.util.Optional;

/**
 * The durable queue of asynchronous extractions (issue 20). Jobs are claimed in a write
 * transaction, which every node serialises ({@link MemoryStore}), so one job is claimed by one
 * worker at a time; the claim is a lease, so a worker that died gives its job back when the lease
 * runs out.
 *
 * <p>Order: a session's jobs are claimed in turn order, one at a time: a job is claimable only
 * while no earlier job of its session is pending, claimed or not. Sessions proceed independently.
 *
 * <p>Trap: {@link #finish} must run in the transaction that writes the extraction's results and
 * must succeed there; when it returns false the worker lost its claim and must roll back.
 */
public interface ExtractionJobs {
    /** Queues {@code job} ({@code PENDING}); call in the transaction that stores its turn. */
    void enqueue(ExtractionJob job);

    /**
     * Claims the oldest claimable job for {@code worker} until {@code leaseUntil}: pending, not
     * claimed by a live lease (one that ends after {@code now}), first pending of its session.
     */
    Optional<ExtractionJob> claimNext(String worker, Instant now, Instant leaseUntil);

    /** Extends {@code worker}'s claim on a job; false when the claim is no longer its own. */
    boolean renew(ContextId contextId, String turnId, String worker, Instant leaseUntil);

    /** Gives a claimed job back, pending, for any worker to claim at once (a worker shutting down). */
    void release(ContextId contextId, String turnId, String worker);

    /**
     * Marks {@code worker}'s claimed job {@code state} ({@code OK} or {@code FAILED}) with its
     * rendered result; false, writing nothing, when the job is not claimed by {@code worker}.
     */
    boolean finish(ContextId contextId, String turnId, String worker, ExtractionJob.State state, String result, Instant at);

    Optional<ExtractionJob> find(ContextId contextId, String turnId);

    /** How many jobs are pending in every context, claimed or not: for health output and tests. */
    long pending();
}
