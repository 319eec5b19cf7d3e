-- Forget (spectron-api.md §2.2.6). A soft forget retires a turn's search document: retrieval no
-- longer sees it while the transcript keeps the turn for audit. Facts need no new column: a soft
-- forget closes them like any other expiry, and a purge deletes rows outright.

ALTER TABLE search_docs ADD COLUMN retired_at INTEGER;
