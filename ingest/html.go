package ingest

// htmlFormat reads Confluence and Google Docs HTML exports.
var htmlFormat = Format{Name: "html", Sniff: func([]byte) bool { return false }}
