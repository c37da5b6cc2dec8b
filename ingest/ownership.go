package ingest

// catalogFormats are ownership and identity sources: Backstage catalogs, CODEOWNERS, owners
// maps and alias files.
var catalogFormats = []Format{}
