-- The durable queue of asynchronous extractions (issue 20): a row per turn stored with
-- ?extraction=async, written in the transaction that stores the turn, so a crash before the
-- extraction runs leaves it here for the next start. Workers claim rows in a write transaction
-- (claimed_by, with a lease until claimed_until, epoch milliseconds); a session's rows are claimed
-- in turn_seq order. A finished row keeps its rendered diff (result) for GET .../extraction.

CREATE TABLE extraction_jobs (
    context_id    TEXT NOT NULL,
    turn_id       TEXT NOT NULL,
    session_id    TEXT NOT NULL,
    turn_seq      INTEGER NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('pending', 'ok', 'failed')),
    claimed_by    TEXT,
    claimed_until INTEGER,
    result        TEXT,
    created_at    INTEGER NOT NULL,
    finished_at   INTEGER,
    PRIMARY KEY (context_id, turn_id),
    FOREIGN KEY (context_id, turn_id) REFERENCES turns (context_id, id) ON DELETE CASCADE
);

CREATE INDEX extraction_jobs_pending ON extraction_jobs (state, context_id, session_id, turn_seq);
