package reports

import (
	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/privacy"
)

// namer shows people: by name, or as the pseudonyms of privacy.Anonymizer, in the fields that
// hold people and wherever a known form of a name stands in text (titles, factor statements,
// action texts). Teams keep their names.
type namer struct {
	anon *privacy.Anonymizer // nil when names are shown
}

func newNamer(names bool, key string, reviews []metamortem.Review, cat metamortem.Catalog) namer {
	if names {
		return namer{}
	}
	return namer{anon: privacy.NewAnonymizer(reviews, cat, key)}
}

// person shows one person's name.
func (n namer) person(name string) string {
	if n.anon == nil {
		return name
	}
	return n.anon.Person(name)
}

// text shows text with the people in it replaced.
func (n namer) text(s string) string {
	if n.anon == nil {
		return s
	}
	return n.anon.Text(s)
}
