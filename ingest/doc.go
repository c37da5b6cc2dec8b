// Package ingest is the first stage of the pipeline: it reads documents from disk, detects each
// one's format by extension and content, and parses it into domain reviews.
//
// It promises that every format produces the same metamortem.Review, that a document which
// cannot be read is reported with its path and reason without stopping the batch, and that a
// review's ID is stable across re-ingests of the same document.
package ingest
