// Package identity sits between store/ and analysis/: it takes the reviews and the catalog the
// store returns, as domain values, and decides which of the names reviews use for people and
// components refer to the same person or component, so that analyses of recurring experts and
// ownership count one person or component once however it was written.
//
// It promises to merge only what an explicit source says. A name resolves when, after folding
// case and surrounding punctuation (and, for components and teams, spaces, hyphens and
// underscores), it equals a name, title, e-mail address or alias that a catalog lists, or the
// local part of a listed e-mail address. Everything else that merely looks alike ("PJ" and
// "Peter Jones", "payments" and "payments-api") is offered by NearDuplicates for a person to
// confirm, never merged. Results are pure functions of the catalog and reviews given, in a
// deterministic order; the package does no input or output.
package identity
