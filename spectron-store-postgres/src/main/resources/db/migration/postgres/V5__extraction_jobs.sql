-- The durable queue of asynchronous extractions (issue 20): a row per turn stored with
-- ?extraction=async, written in the transaction that stores the turn, so a crash before the
-- extraction runs leaves it here for the next start. Workers claim rows in a write transaction
-- (claimed_by, with a lease until claimed_until, epoch milliseconds); a session's rows are claimed
-- in turn_seq order. A finished row keeps its rendered diff (result) for GET .../extraction.

CREATE TABLE extraction_jobs (
    context_id    TEXT COLLATE "C" NOT NULL,
    turn_id       TEXT COLLATE "C" NOT NULL,
    session_id    TEXT COLLATE "C" NOT NULL,
    turn_seq      BIGINT NOT NULL,
    state         TEXT COLLATE "C" NOT NULL CHECK (state IN ('pending', 'ok', 'failed')),
    claimed_by    TEXT COLLATE "C",
    claimed_until BIGINT,
    result        TEXT COLLATE "C",
    created_at    BIGINT NOT NULL,
    finished_at   BIGINT,
    PRIMARY KEY (context_id, turn_id),
    FOREIGN KEY (context_id, turn_id) REFERENCES turns (context_id, id) ON DELETE CASCADE
);

CREATE INDEX extraction_jobs_pending ON extraction_jobs (state, context_id, session_id, turn_seq);
