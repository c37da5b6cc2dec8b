// Package analysis is the third stage of the metamortem pipeline: it takes the reviews that
// ingest/ read and store/ kept, as domain values, and turns them into the numbers a report
// shows. It does no input or output of its own.
//
// Every result here is a pure function of its arguments: the same reviews and range always give
// the same values in the same order, so reports built from them are byte-for-byte reproducible.
// Times are placed in quarters by their UTC date. Spreads are described by a Distribution
// (median and upper percentiles, never a bare mean), and each result says how many reviews it
// rests on and how many it had to leave out, and why.
package analysis
