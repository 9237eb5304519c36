-- eventwire store, schema version 1. One DuckDB file; the parent process is the only writer.
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

CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,        -- hash of (doc_id, trigger span, PLOVER type)
    doc_id VARCHAR NOT NULL,
    source_id VARCHAR,
    plover_type VARCHAR,
    plover_mode VARCHAR,
    acled_event_type VARCHAR,
    acled_sub_event_type VARCHAR,
    cameo_root VARCHAR,
    actor1_name VARCHAR,
    actor1_inter INTEGER,
    actor2_name VARCHAR,
    actor2_inter INTEGER,
    location_name VARCHAR,
    country VARCHAR,
    admin1 VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    geo_precision INTEGER,
    date_start DATE,
    date_end DATE,
    date_precision VARCHAR,
    fatalities INTEGER,
    modality VARCHAR,
    attributed_to VARCHAR,
    source VARCHAR,                      -- outlet of the document
    confidence DOUBLE,
    sentence_start INTEGER,
    sentence_end INTEGER,
    record JSON,                         -- the full export record (DESIGN.md contract)
    pipeline_version VARCHAR,
    data_versions JSON
);

CREATE TABLE IF NOT EXISTS ledger (
    input VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,       -- '' when the input could not be read at all
    status VARCHAR NOT NULL,             -- processed | skipped | rejected | failed
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
