-- Ownership and identities: what catalogs (Backstage, CODEOWNERS, owners CSVs, alias files)
-- say, each row with the document it came from. Names are as the source writes them; analyses
-- resolve aliases.

CREATE TABLE catalog_components (
    doc_path VARCHAR NOT NULL,
    name     VARCHAR NOT NULL,
    title    VARCHAR,
    owner    VARCHAR,
    system   VARCHAR,
    aliases  VARCHAR[] NOT NULL
);

CREATE TABLE catalog_teams (
    doc_path VARCHAR NOT NULL,
    name     VARCHAR NOT NULL,
    title    VARCHAR,
    parent   VARCHAR,
    members  VARCHAR[] NOT NULL,
    aliases  VARCHAR[] NOT NULL
);

CREATE TABLE catalog_people (
    doc_path VARCHAR NOT NULL,
    name     VARCHAR NOT NULL,
    title    VARCHAR,
    email    VARCHAR,
    teams    VARCHAR[] NOT NULL,
    aliases  VARCHAR[] NOT NULL
);

CREATE TABLE ownership (
    doc_path  VARCHAR NOT NULL,
    component VARCHAR,
    pattern   VARCHAR,
    owners    VARCHAR[] NOT NULL,
    source    VARCHAR NOT NULL
);
