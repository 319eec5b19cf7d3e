-- Retrieval: one search document per indexed item — a turn (episodic), a fact rendered as a
-- sentence (attribute or relation), or an entity name — with its text in FTS5 for BM25 and its
-- vector in `embeddings`. Fact documents follow their fact's liveness through ref_id.

CREATE TABLE search_docs (
    context_id  TEXT    NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    id          TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('turn', 'attribute', 'relation', 'entity')),
    ref_id      TEXT    NOT NULL,          -- the turn, attribute, relation or entity it stands for
    session_id  TEXT,
    turn_id     TEXT,                      -- provenance: the turn it came from
    role        TEXT,
    speaker     TEXT,
    text        TEXT    NOT NULL,
    scopes      TEXT    NOT NULL,
    importance  REAL    NOT NULL,
    occurred_at INTEGER NOT NULL,          -- when it was said, or the fact's valid_from
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (context_id, id)
);

CREATE INDEX search_docs_by_ref ON search_docs (context_id, ref_id);

-- Contentless-delete FTS5 keyed by the docs' rowid; the context id is filtered after the match.
CREATE VIRTUAL TABLE search_fts USING fts5 (text, context_id UNINDEXED, tokenize = 'porter unicode61');

CREATE TABLE embeddings (
    context_id TEXT    NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
    doc_id     TEXT    NOT NULL,
    model      TEXT    NOT NULL,           -- e.g. onnx/all-minilm-l6-v2; vectors of two models never mix
    dimension  INTEGER NOT NULL,
    vector     BLOB    NOT NULL,           -- float32 little-endian
    PRIMARY KEY (context_id, doc_id, model)
);

CREATE TRIGGER search_docs_fts_insert AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_fts (rowid, text, context_id) VALUES (new.rowid, new.text, new.context_id);
END;

CREATE TRIGGER search_docs_fts_delete AFTER DELETE ON search_docs BEGIN
    DELETE FROM search_fts WHERE rowid = old.rowid;
END;
