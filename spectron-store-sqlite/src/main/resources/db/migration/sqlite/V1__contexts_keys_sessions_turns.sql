-- Foundation schema. Every row carries its context id and cascades from the context, so deleting
-- a context removes everything it owns in one statement. Times are epoch milliseconds (UTC).
-- The memory tables (entities, attributes, relations, instructions, chunks, embeddings) arrive in
-- later migrations with the same (context_id, id) keys; turns keep (context_id, id) so facts can
-- name their source turn.

CREATE TABLE contexts (
    id          TEXT    NOT NULL PRIMARY KEY,
    description TEXT    NOT NULL DEFAULT '',
    config      TEXT    NOT NULL DEFAULT '{}',
    change_seq  INTEGER NOT NULL DEFAULT 0,   -- last sequence number handed out by the change log
    created_at  INTEGER NOT NULL
);

CREATE TABLE api_keys (
    id          TEXT    NOT NULL PRIMARY KEY,
    context_id  TEXT    NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    secret_hash TEXT    NOT NULL UNIQUE,      -- SHA-256 of the secret; the secret itself is never stored
    created_at  INTEGER NOT NULL,
    valid_until INTEGER,
    UNIQUE (context_id, name)
);

CREATE TABLE sessions (
    context_id TEXT    NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    id         TEXT    NOT NULL,
    scopes     TEXT    NOT NULL,              -- canonical DNF scope set as JSON: [["org/acme/","user/ada/"]]
    metadata   TEXT    NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    PRIMARY KEY (context_id, id)
);

CREATE TABLE turns (
    context_id  TEXT    NOT NULL,
    id          TEXT    NOT NULL,
    session_id  TEXT    NOT NULL,
    seq         INTEGER NOT NULL,
    role        TEXT    NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
    content     TEXT    NOT NULL,
    occurred_at INTEGER NOT NULL,             -- when it was said (the caller's ts); relative dates resolve against it
    created_at  INTEGER NOT NULL,             -- when it was stored
    PRIMARY KEY (context_id, id),
    UNIQUE (context_id, session_id, seq),
    FOREIGN KEY (context_id, session_id) REFERENCES sessions (context_id, id) ON DELETE CASCADE
);

CREATE TABLE changes (
    context_id TEXT    NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    ref_id     TEXT    NOT NULL,
    at         INTEGER NOT NULL,
    PRIMARY KEY (context_id, seq)
) WITHOUT ROWID;

CREATE TABLE idempotency_keys (
    context_id    TEXT    NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    principal     TEXT    NOT NULL,
    key           TEXT    NOT NULL,
    request_hash  TEXT    NOT NULL,
    status        INTEGER NOT NULL,
    response_body TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (context_id, principal, key)
);

CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

CREATE TABLE settings (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
