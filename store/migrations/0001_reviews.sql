-- Reviews and everything they name. Times are UTC. No primary keys: DuckDB checks them eagerly
-- within a transaction, which breaks delete-then-append of the same review, and the single
-- writer (enforced by DuckDB's file lock) keeps IDs unique instead.
--
-- Every table records doc_path, the document a row came from, so that a changed document
-- replaces exactly its own rows. A child row's review_id may name a review another document
-- defines: fragments (Jira follow-ups, a relational export's tasks) attach that way.

CREATE TABLE documents (
    path        VARCHAR NOT NULL,  -- as named on the command line, relative to the ingest root's parent
    format      VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,
    size        BIGINT  NOT NULL,
    raw         BLOB    NOT NULL,  -- the document's bytes, so analyses can be re-run without the files
    ingested_at TIMESTAMP NOT NULL
);

CREATE TABLE reviews (
    id            VARCHAR NOT NULL,
    doc_path      VARCHAR NOT NULL,  -- documents.path this review was read from
    doc_ord       INTEGER NOT NULL,  -- position of the review within its document
    title         VARCHAR,
    kind          VARCHAR NOT NULL,
    severity      VARCHAR,
    severity_rank INTEGER,
    started_at    TIMESTAMP,
    detected_at   TIMESTAMP,
    mitigated_at  TIMESTAMP,
    resolved_at   TIMESTAMP,
    reviewed_at   TIMESTAMP,
    source_path   VARCHAR,
    source_format VARCHAR,
    source_sha256 VARCHAR
);

CREATE TABLE review_components (doc_path VARCHAR NOT NULL, review_id VARCHAR NOT NULL, ord INTEGER NOT NULL, component VARCHAR NOT NULL);
CREATE TABLE review_tags       (doc_path VARCHAR NOT NULL, review_id VARCHAR NOT NULL, ord INTEGER NOT NULL, tag VARCHAR NOT NULL);
CREATE TABLE people            (doc_path VARCHAR NOT NULL, review_id VARCHAR NOT NULL, ord INTEGER NOT NULL, name VARCHAR NOT NULL, role VARCHAR);
CREATE TABLE factors           (doc_path VARCHAR NOT NULL, review_id VARCHAR NOT NULL, ord INTEGER NOT NULL, text VARCHAR NOT NULL);
CREATE TABLE actions (
    doc_path  VARCHAR NOT NULL,
    review_id VARCHAR NOT NULL,
    ord       INTEGER NOT NULL,
    text      VARCHAR NOT NULL,
    owner     VARCHAR,
    status    VARCHAR NOT NULL,
    due       TIMESTAMP,
    ticket    VARCHAR
);
CREATE TABLE timeline_events (doc_path VARCHAR NOT NULL, review_id VARCHAR NOT NULL, ord INTEGER NOT NULL, happened_at TIMESTAMP, text VARCHAR NOT NULL, actor VARCHAR);
CREATE TABLE sections        (doc_path VARCHAR NOT NULL, review_id VARCHAR NOT NULL, name VARCHAR NOT NULL, text VARCHAR NOT NULL);
