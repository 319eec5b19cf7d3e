-- Foundation schema, table for table the SQLite one (db/migration/sqlite/V1): the same columns and
-- keys, so both stores pass one contract suite. Every row carries its context id and cascades from
-- the context. Conventions for every PostgreSQL migration:
--   * times are BIGINT epoch milliseconds (UTC), as in SQLite;
--   * JSON is TEXT, not jsonb, so a stored value reads back byte for byte as written;
--   * text columns are COLLATE "C": ORDER BY compares bytes like SQLite's BINARY collation,
--     whatever locale the database was created with;
--   * nothing here needs a superuser or an extension.

CREATE TABLE contexts (
    id          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    description TEXT COLLATE "C" NOT NULL DEFAULT '',
    config      TEXT COLLATE "C" NOT NULL DEFAULT '{}',
    change_seq  BIGINT           NOT NULL DEFAULT 0,   -- last sequence number handed out by the change log
    created_at  BIGINT           NOT NULL
);

CREATE TABLE api_keys (
    id          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    context_id  TEXT COLLATE "C" NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    name        TEXT COLLATE "C" NOT NULL,
    secret_hash TEXT COLLATE "C" NOT NULL UNIQUE,      -- SHA-256 of the secret; the secret itself is never stored
    created_at  BIGINT           NOT NULL,
    valid_until BIGINT,
    UNIQUE (context_id, name)
);

CREATE TABLE sessions (
    context_id TEXT COLLATE "C" NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    id         TEXT COLLATE "C" NOT NULL,
    scopes     TEXT COLLATE "C" NOT NULL,              -- canonical DNF scope set as JSON: [["org/acme/","user/ada/"]]
    metadata   TEXT COLLATE "C" NOT NULL DEFAULT '{}',
    created_at BIGINT           NOT NULL,
    PRIMARY KEY (context_id, id)
);

CREATE TABLE turns (
    context_id  TEXT COLLATE "C" NOT NULL,
    id          TEXT COLLATE "C" NOT NULL,
    session_id  TEXT COLLATE "C" NOT NULL,
    seq         BIGINT           NOT NULL,
    role        TEXT COLLATE "C" NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
    content     TEXT COLLATE "C" NOT NULL,
    occurred_at BIGINT           NOT NULL,             -- when it was said (the caller's ts); relative dates resolve against it
    created_at  BIGINT           NOT NULL,             -- when it was stored
    PRIMARY KEY (context_id, id),
    UNIQUE (context_id, session_id, seq),
    FOREIGN KEY (context_id, session_id) REFERENCES sessions (context_id, id) ON DELETE CASCADE
);

CREATE TABLE changes (
    context_id TEXT COLLATE "C" NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    seq        BIGINT           NOT NULL,
    kind       TEXT COLLATE "C" NOT NULL,
    ref_id     TEXT COLLATE "C" NOT NULL,
    at         BIGINT           NOT NULL,
    PRIMARY KEY (context_id, seq)
);

CREATE TABLE idempotency_keys (
    context_id    TEXT COLLATE "C" NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    principal     TEXT COLLATE "C" NOT NULL,
    key           TEXT COLLATE "C" NOT NULL,
    request_hash  TEXT COLLATE "C" NOT NULL,
    status        INTEGER          NOT NULL,
    response_body TEXT COLLATE "C" NOT NULL,
    created_at    BIGINT           NOT NULL,
    PRIMARY KEY (context_id, principal, key)
);

CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

CREATE TABLE settings (
    name  TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    value TEXT COLLATE "C" NOT NULL
);
