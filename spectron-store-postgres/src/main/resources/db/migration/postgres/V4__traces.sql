-- Retrieval and response traces behind GET /traces/{id}, as in SQLite's V5: stored so that any
-- server node answers for them. body is the rendered trace document, answered as stored. Rows
-- older than the retention period are deleted by created_at (epoch milliseconds), hence its index.

CREATE TABLE traces (
    context_id TEXT COLLATE "C" NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    id         TEXT COLLATE "C" NOT NULL,
    kind       TEXT COLLATE "C" NOT NULL CHECK (kind IN ('retrieval', 'response')),
    created_at BIGINT           NOT NULL,
    body       TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (context_id, id)
);

CREATE INDEX traces_created_at ON traces (created_at);
