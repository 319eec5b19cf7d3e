-- Structured memory: entities, versioned attributes and relations, instructions, uncertainties.
-- Facts are never deleted: supersession, invalidation and soft deletes set valid_until (world
-- time) and closed_at (known time), so history and asOf reads stay answerable.

CREATE TABLE entities (
    context_id      TEXT    NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    id              TEXT    NOT NULL,
    type            TEXT    NOT NULL,
    normalised_name TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    memory_category TEXT    NOT NULL,
    importance      REAL    NOT NULL,
    scopes          TEXT    NOT NULL,          -- union of the scopes its facts were written in (DNF JSON)
    source_turn     TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    deleted_at      INTEGER,
    PRIMARY KEY (context_id, id),
    UNIQUE (context_id, type, normalised_name)
);

CREATE TABLE attributes (
    context_id      TEXT    NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    id              TEXT    NOT NULL,
    entity_id       TEXT    NOT NULL,
    key             TEXT    NOT NULL,
    value           TEXT    NOT NULL,
    memory_category TEXT    NOT NULL,
    importance      REAL    NOT NULL,
    confidence      REAL    NOT NULL,
    scopes          TEXT    NOT NULL,
    valid_from      INTEGER NOT NULL,
    valid_until     INTEGER,
    supersedes      TEXT,
    superseded_by   TEXT,
    source_kind     TEXT    NOT NULL,
    source_turn     TEXT,
    source_session  TEXT,
    span_start      INTEGER,
    span_end        INTEGER,
    created_at      INTEGER NOT NULL,          -- known time: when memory learned it
    closed_at       INTEGER,                   -- known time: when memory learned it stopped
    PRIMARY KEY (context_id, id),
    FOREIGN KEY (context_id, entity_id) REFERENCES entities (context_id, id)
);

CREATE INDEX attributes_by_entity_key ON attributes (context_id, entity_id, key, created_at);
CREATE INDEX attributes_live ON attributes (context_id, entity_id) WHERE closed_at IS NULL;
CREATE INDEX attributes_by_session ON attributes (context_id, source_session, key);

CREATE TABLE relations (
    context_id      TEXT    NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    id              TEXT    NOT NULL,
    subject_id      TEXT    NOT NULL,
    label           TEXT    NOT NULL,
    object_id       TEXT    NOT NULL,
    memory_category TEXT    NOT NULL,
    importance      REAL    NOT NULL,
    confidence      REAL    NOT NULL,
    scopes          TEXT    NOT NULL,
    valid_from      INTEGER NOT NULL,
    valid_until     INTEGER,
    supersedes      TEXT,
    superseded_by   TEXT,
    source_kind     TEXT    NOT NULL,
    source_turn     TEXT,
    source_session  TEXT,
    span_start      INTEGER,
    span_end        INTEGER,
    created_at      INTEGER NOT NULL,
    closed_at       INTEGER,
    PRIMARY KEY (context_id, id),
    FOREIGN KEY (context_id, subject_id) REFERENCES entities (context_id, id),
    FOREIGN KEY (context_id, object_id) REFERENCES entities (context_id, id)
);

CREATE INDEX relations_by_subject ON relations (context_id, subject_id, label, created_at);
CREATE INDEX relations_by_object ON relations (context_id, object_id, created_at);

CREATE TABLE instructions (
    context_id     TEXT    NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    id             TEXT    NOT NULL,
    label          TEXT    NOT NULL,
    description    TEXT    NOT NULL,
    active         INTEGER NOT NULL CHECK (active IN (0, 1)),
    scopes         TEXT    NOT NULL,
    source_turn    TEXT,
    created_at     INTEGER NOT NULL,
    deactivated_at INTEGER,
    PRIMARY KEY (context_id, id)
);

CREATE INDEX instructions_active ON instructions (context_id, created_at) WHERE active = 1;

CREATE TABLE uncertainties (
    context_id  TEXT    NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    id          TEXT    NOT NULL,
    about       TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    scopes      TEXT    NOT NULL,
    source_turn TEXT,
    resolved    INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (context_id, id)
);
