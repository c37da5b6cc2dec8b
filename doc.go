// Package metamortem holds the domain of the cross-incident analytics engine: a Review of one
// incident, drill or near miss, and the people, contributing factors, action items, timeline
// events and components it names.
//
// The pipeline around these types reads top to bottom in the repository: documents come in
// through ingest/, land in one DuckDB database owned by store/, are analysed in analysis/ and
// leave as reports/. The sub-packages speak to each other only in these types.
package metamortem
