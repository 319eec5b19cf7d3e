-- Structured memory, table for table db/migration/sqlite/V2: entities, versioned attributes and
-- relations, instructions, uncertainties. Facts are never deleted but by a purge: supersession,
-- invalidation and soft deletes set valid_until (world time) and closed_at (known time).
-- SQLite's REAL is an 8-byte float, hence DOUBLE PRECISION: importance and confidence read back exactly.

CREATE TABLE entities (
    context_id      TEXT COLLATE "C" NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    id              TEXT COLLATE "C" NOT NULL,
    type            TEXT COLLATE "C" NOT NULL,
    normalised_name TEXT COLLATE "C" NOT NULL,
    name            TEXT COLLATE "C" NOT NULL,
    memory_category TEXT COLLATE "C" NOT NULL,
    importance      DOUBLE PRECISION NOT NULL,
    scopes          TEXT COLLATE "C" NOT NULL,          -- union of the scopes its facts were written in (DNF JSON)
    source_turn     TEXT COLLATE "C",
    created_at      BIGINT           NOT NULL,
    updated_at      BIGINT           NOT NULL,
    deleted_at      BIGINT,
    PRIMARY KEY (context_id, id),
    UNIQUE (context_id, type, normalised_name)
);

CREATE TABLE attributes (
    context_id      TEXT COLLATE "C" NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    id              TEXT COLLATE "C" NOT NULL,
    entity_id       TEXT COLLATE "C" NOT NULL,
    key             TEXT COLLATE "C" NOT NULL,
    value           TEXT COLLATE "C" NOT NULL,
    memory_category TEXT COLLATE "C" NOT NULL,
    importance      DOUBLE PRECISION NOT NULL,
    confidence      DOUBLE PRECISION NOT NULL,
    scopes          TEXT COLLATE "C" NOT NULL,
    valid_from      BIGINT           NOT NULL,
    valid_until     BIGINT,
    supersedes      TEXT COLLATE "C",
    superseded_by   TEXT COLLATE "C",
    source_kind     TEXT COLLATE "C" NOT NULL,
    source_turn     TEXT COLLATE "C",
    source_session  TEXT COLLATE "C",
    span_start      INTEGER,
    span_end        INTEGER,
    created_at      BIGINT           NOT NULL,          -- known time: when memory learned it
    closed_at       BIGINT,                             -- known time: when memory learned it stopped
    PRIMARY KEY (context_id, id),
    FOREIGN KEY (context_id, entity_id) REFERENCES entities (context_id, id)
);

CREATE INDEX attributes_by_entity_key ON attributes (context_id, entity_id, key, created_at);
CREATE INDEX attributes_live ON attributes (context_id, entity_id) WHERE closed_at IS NULL;
CREATE INDEX attributes_by_session ON attributes (context_id, source_session, key);

CREATE TABLE relations (
    context_id      TEXT COLLATE "C" NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    id              TEXT COLLATE "C" NOT NULL,
    subject_id      TEXT COLLATE "C" NOT NULL,
    label           TEXT COLLATE "C" NOT NULL,
    object_id       TEXT COLLATE "C" NOT NULL,
    memory_category TEXT COLLATE "C" NOT NULL,
    importance      DOUBLE PRECISION NOT NULL,
    confidence      DOUBLE PRECISION NOT NULL,
    scopes          TEXT COLLATE "C" NOT NULL,
    valid_from      BIGINT           NOT NULL,
    valid_until     BIGINT,
    supersedes      TEXT COLLATE "C",
    superseded_by   TEXT COLLATE "C",
    source_kind     TEXT COLLATE "C" NOT NULL,
    source_turn     TEXT COLLATE "C",
    source_session  TEXT COLLATE "C",
    span_start      INTEGER,
    span_end        INTEGER,
    created_at      BIGINT           NOT NULL,
    closed_at       BIGINT,
    PRIMARY KEY (context_id, id),
    FOREIGN KEY (context_id, subject_id) REFERENCES entities (context_id, id),
    FOREIGN KEY (context_id, object_id) REFERENCES entities (context_id, id)
);

CREATE INDEX relations_by_subject ON relations (context_id, subject_id, label, created_at);
CREATE INDEX relations_by_object ON relations (context_id, object_id, created_at);

CREATE TABLE instructions (
    context_id     TEXT COLLATE "C" NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    id             TEXT COLLATE "C" NOT NULL,
    label          TEXT COLLATE "C" NOT NULL,
    description    TEXT COLLATE "C" NOT NULL,
    active         INTEGER          NOT NULL CHECK (active IN (0, 1)),
    scopes         TEXT COLLATE "C" NOT NULL,
    source_turn    TEXT COLLATE "C",
    created_at     BIGINT           NOT NULL,
    deactivated_at BIGINT,
    PRIMARY KEY (context_id, id)
);

CREATE INDEX instructions_active ON instructions (context_id, created_at) WHERE active = 1;

CREATE TABLE uncertainties (
    context_id  TEXT COLLATE "C" NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    id          TEXT COLLATE "C" NOT NULL,
    about       TEXT COLLATE "C" NOT NULL,
    reason      TEXT COLLATE "C" NOT NULL,
    scopes      TEXT COLLATE "C" NOT NULL,
    source_turn TEXT COLLATE "C",
    resolved    INTEGER          NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
    created_at  BIGINT           NOT NULL,
    PRIMARY KEY (context_id, id)
);
