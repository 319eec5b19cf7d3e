-- Retrieval, table for table db/migration/sqlite/V3 and V4: one search document per indexed item
-- (a turn, a fact rendered as a sentence, an entity name), its full-text vector, its embeddings.
--
-- Where SQLite has FTS5 ('porter unicode61') this has a stored generated tsvector with a GIN index,
-- folded by spectron_english: PostgreSQL's 'english' configuration with its stop-word list taken
-- out, because FTS5 drops no words and forget must find "the" if the user says so. Differences
-- left in edges the contract suite does not cover: Snowball English (Porter2) stems a few words
-- unlike FTS5's original Porter, and accents are not folded (that needs the unaccent extension).

CREATE TEXT SEARCH DICTIONARY spectron_english_stem (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION spectron_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION spectron_english ALTER MAPPING REPLACE english_stem WITH spectron_english_stem;

CREATE TABLE search_docs (
    context_id  TEXT COLLATE "C" NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    id          TEXT COLLATE "C" NOT NULL,
    ord         BIGINT GENERATED ALWAYS AS IDENTITY,  -- insertion order: SQLite's rowid ("in the order they were indexed")
    kind        TEXT COLLATE "C" NOT NULL CHECK (kind IN ('turn', 'attribute', 'relation', 'entity')),
    ref_id      TEXT COLLATE "C" NOT NULL,          -- the turn, attribute, relation or entity it stands for
    session_id  TEXT COLLATE "C",
    turn_id     TEXT COLLATE "C",                   -- provenance: the turn it came from
    role        TEXT COLLATE "C",
    speaker     TEXT COLLATE "C",
    text        TEXT COLLATE "C" NOT NULL,
    scopes      TEXT COLLATE "C" NOT NULL,
    importance  DOUBLE PRECISION NOT NULL,
    occurred_at BIGINT           NOT NULL,          -- when it was said, or the fact's valid_from
    created_at  BIGINT           NOT NULL,
    retired_at  BIGINT,                             -- soft forget (sqlite V4): hidden from retrieval, kept for audit
    tsv         TSVECTOR GENERATED ALWAYS AS (to_tsvector('spectron_english', text)) STORED,
    PRIMARY KEY (context_id, id)
);

CREATE INDEX search_docs_by_ref ON search_docs (context_id, ref_id);
CREATE INDEX search_docs_order ON search_docs (context_id, ord);
CREATE INDEX search_docs_fts ON search_docs USING GIN (tsv);

CREATE TABLE embeddings (
    context_id TEXT COLLATE "C" NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    doc_id     TEXT COLLATE "C" NOT NULL,
    model      TEXT COLLATE "C" NOT NULL,           -- e.g. onnx/all-minilm-l6-v2; vectors of two models never mix
    dimension  INTEGER          NOT NULL,
    vector     BYTEA            NOT NULL,           -- float32 little-endian
    PRIMARY KEY (context_id, doc_id, model)
);
