-- Retrieval and response traces behind GET /traces/{id}, stored so that any server process answers
-- for them. body is the rendered trace document, answered as stored. Rows older than the retention
-- period are deleted by created_at (epoch milliseconds), hence its index.

CREATE TABLE traces (
    context_id TEXT    NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    id         TEXT    NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('retrieval', 'response')),
    created_at INTEGER NOT NULL,
    body       TEXT    NOT NULL,
    PRIMARY KEY (context_id, id)
);

CREATE INDEX traces_created_at ON traces (created_at);
