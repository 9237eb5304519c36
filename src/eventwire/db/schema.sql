-- eventwire store, schema version 2. One DuckDB file; the parent process is the only writer.
-- Every statement is idempotent (IF NOT EXISTS): migrations.py runs this file after upgrading.
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,          -- hash of the document text
    source_id VARCHAR,                   -- the input's own id, if it had one
    input VARCHAR,                       -- path, path#record, or '-'
    title VARCHAR,
    published DATE,
    published_source VARCHAR,            -- record | option | html-metadata | unknown
    source VARCHAR,
    url VARCHAR,
    author VARCHAR,
    language VARCHAR,
    encoding VARCHAR,
    country VARCHAR,                     -- focus country (ISO2)
    text VARCHAR,
    segments JSON,
    sentences JSON,
    places JSON,
    notes JSON,
    pipeline_version VARCHAR,
    data_versions JSON,
    processed_at TIMESTAMP
);

-- Report-level events: one row per event mention in one document (never rewritten by dedup).
-- The table's columns are those of the column spec, eventwire.records.columns.REPORT
-- (schema version 2 added actor1_id, actor2_id, geonameid, fatalities_low/high, published,
-- backfilled from `record` by the migration); Store.schema_sql() puts its DDL here:
-- @table events

CREATE TABLE IF NOT EXISTS ledger (
    input VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,       -- '' when the input could not be read at all
    status VARCHAR NOT NULL,             -- processed | skipped | rejected | failed | superseded
    reason VARCHAR,
    code VARCHAR,
    doc_id VARCHAR,
    source_id VARCHAR,
    n_events INTEGER,
    seconds DOUBLE,
    stage VARCHAR,
    pipeline_version VARCHAR,
    data_versions JSON,
    recorded_at TIMESTAMP,
    PRIMARY KEY (input, content_hash)
);

-- Every input that carries a document's text (schema version 3): the first, and each later
-- one with the same text under another id or outlet, linked to the document instead of coded
-- again; its events list them all in source_ids / sources. Store.schema_sql() puts the DDL
-- (eventwire.db.migrations.DOCUMENT_SOURCES_DDL) here:
-- @table document_sources

-- Canonical events (schema version 2): clusters of report-level events that describe one
-- real-world event, rebuilt by eventwire.dedup.cluster_store. Derived data: dropping these
-- two tables loses nothing that clustering cannot rebuild from `events`. The columns of
-- canonical_events are those of eventwire.records.columns.CANONICAL:
-- @table canonical_events

CREATE TABLE IF NOT EXISTS canonical_members (
    event_id VARCHAR PRIMARY KEY,        -- a report-level event (events.event_id)
    canonical_id VARCHAR NOT NULL,
    component_id VARCHAR NOT NULL,
    doc_id VARCHAR,
    similarity DOUBLE                    -- to the cluster's other members, 0..1
);

-- Indexes. Time and space ranges are served by DuckDB's per-row-group min/max (zonemaps),
-- which prune best when events are stored in date order (Store.compact); ART indexes are
-- used by DuckDB for equality lookups: documents, actors, clusters, and narrow date ranges.
CREATE INDEX IF NOT EXISTS events_date_idx ON events (date_start);
CREATE INDEX IF NOT EXISTS events_actor1_idx ON events (actor1_name);
CREATE INDEX IF NOT EXISTS events_actor2_idx ON events (actor2_name);
CREATE INDEX IF NOT EXISTS events_doc_idx ON events (doc_id);
CREATE INDEX IF NOT EXISTS canonical_date_idx ON canonical_events (date_start);
CREATE INDEX IF NOT EXISTS canonical_component_idx ON canonical_events (component_id);
CREATE INDEX IF NOT EXISTS canonical_actor1_idx ON canonical_events (actor1_name);
CREATE INDEX IF NOT EXISTS members_canonical_idx ON canonical_members (canonical_id);
CREATE INDEX IF NOT EXISTS members_component_idx ON canonical_members (component_id);
