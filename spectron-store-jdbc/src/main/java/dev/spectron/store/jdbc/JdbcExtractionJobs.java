package dev.spectron.store.jdbc;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.ingest.ExtractionJob;
import dev.spectron.core.port.ExtractionJobs;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

final class JdbcExtractionJobs implements ExtractionJobs {
    private static final String COLUMNS = "context_id, turn_id, session_id, turn_seq, state, result, created_at, finished_at";
    private static final String PENDING = "'pending'";

    private final Sql sql;

    JdbcExtractionJobs(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void enqueue(ExtractionJob job) {
        sql.update("INSERT INTO extraction_jobs (context_id, turn_id, session_id, turn_seq, state, created_at) VALUES (?, ?, ?, ?, "
                + PENDING + ", ?)", job.contextId().value(), job.turnId(), job.sessionId(), job.turnSeq(), job.createdAt());
    }

    @Override
    public Optional<ExtractionJob> claimNext(String worker, Instant now, Instant leaseUntil) {
        // the write transaction serialises claims on every node: read-then-update is race-free
        Optional<ExtractionJob> next = sql.queryOne("SELECT " + COLUMNS + " FROM extraction_jobs j WHERE j.state = " + PENDING
                        + " AND (j.claimed_until IS NULL OR j.claimed_until <= ?)"
                        + " AND NOT EXISTS (SELECT 1 FROM extraction_jobs e WHERE e.context_id = j.context_id AND e.session_id = j.session_id"
                        + " AND e.state = " + PENDING + " AND e.turn_seq < j.turn_seq)"
                        + " ORDER BY j.created_at, j.context_id, j.turn_seq LIMIT 1",
                JdbcExtractionJobs::job, now);
        next.ifPresent(job -> sql.update("UPDATE extraction_jobs SET claimed_by = ?, claimed_until = ? WHERE context_id = ? AND turn_id = ?",
                worker, leaseUntil, job.contextId().value(), job.turnId()));
        return next;
    }

    @Override
    public boolean renew(ContextId contextId, String turnId, String worker, Instant leaseUntil) {
        return sql.update("UPDATE extraction_jobs SET claimed_until = ? WHERE context_id = ? AND turn_id = ? AND claimed_by = ? AND state = "
                + PENDING, leaseUntil, contextId.value(), turnId, worker) == 1;
    }

    @Override
    public void release(ContextId contextId, String turnId, String worker) {
        sql.update("UPDATE extraction_jobs SET claimed_by = NULL, claimed_until = NULL WHERE context_id = ? AND turn_id = ? AND claimed_by = ?"
                + " AND state = " + PENDING, contextId.value(), turnId, worker);
    }

    @Override
    public boolean finish(ContextId contextId, String turnId, String worker, ExtractionJob.State state, String result, Instant at) {
        if (state == ExtractionJob.State.PENDING) {
            throw new IllegalArgumentException("a job finishes ok or failed, not pending");
        }
        return sql.update("UPDATE extraction_jobs SET state = ?, result = ?, finished_at = ?, claimed_by = NULL, claimed_until = NULL"
                + " WHERE context_id = ? AND turn_id = ? AND claimed_by = ? AND state = " + PENDING,
                state.wireName(), result, at, contextId.value(), turnId, worker) == 1;
    }

    @Override
    public Optional<ExtractionJob> find(ContextId contextId, String turnId) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM extraction_jobs WHERE context_id = ? AND turn_id = ?",
                JdbcExtractionJobs::job, contextId.value(), turnId);
    }

    @Override
    public long pending() {
        return sql.queryLong("SELECT COUNT(*) FROM extraction_jobs WHERE state = " + PENDING);
    }

    private static ExtractionJob job(ResultSet row) throws SQLException {
        return new ExtractionJob(new ContextId(row.getString("context_id")), row.getString("turn_id"), row.getString("session_id"),
                row.getLong("turn_seq"), ExtractionJob.State.fromWire(row.getString("state")), row.getString("result"),
                Sql.instant(row, "created_at"), Sql.instant(row, "finished_at"));
    }
}
