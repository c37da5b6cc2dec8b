package ingest

// csvFormats are spreadsheet trackers, Jira CSV exports and relational CSV exports, the most
// specific first: a Dispatch bundle, then Jira's export (whose header also names a summary and a
// status), then any table whose header names incident fields.
var csvFormats = []Format{dispatchFormat, jiraCSVFormat, trackerFormat}
