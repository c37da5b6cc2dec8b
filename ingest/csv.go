package ingest

// csvFormats are spreadsheet trackers, Jira CSV exports and relational CSV exports.
var csvFormats = []Format{}
