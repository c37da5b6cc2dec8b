package privacy

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/identity"
)

// Anonymizer replaces people in reviews by their pseudonyms: in the fields that hold people
// (people, action owners, timeline actors) and wherever a known form of a person's name stands
// in text. All forms of one person (a catalog person's name, display name, aliases and e-mail;
// the name as reviews write it) share one pseudonym. Teams are not people and keep their names.
// Names that neither a review's people fields nor a catalog list cannot be recognised in text.
type Anonymizer struct {
	pseudonyms *Pseudonyms
	canonical  map[string]string // each known form → the canonical name it stands for
	teams      func(string) bool
	text       *formMatcher
}

// NewAnonymizer collects the people of reviews and catalog and their pseudonyms under key
// (DefaultKey when empty).
func NewAnonymizer(reviews []metamortem.Review, cat metamortem.Catalog, key string) *Anonymizer {
	res := identity.New(cat, nil) // people and teams resolve by the catalog alone
	a := &Anonymizer{canonical: map[string]string{}, teams: func(n string) bool {
		_, ok := res.Team(n)
		return ok
	}}
	added := map[string]bool{} // reviews repeat a few names many times; each gives the same answer
	add := func(form string) {
		if added[form] {
			return
		}
		added[form] = true
		form = strings.TrimSpace(form)
		if form == "" || a.teams(form) {
			return
		}
		c, ok := res.Person(form)
		if !ok {
			c = strings.TrimPrefix(form, "@")
		}
		a.canonical[form] = c
	}
	for _, p := range cat.People {
		for _, form := range append([]string{p.Name, p.Title, p.Email}, p.Aliases...) {
			if form != "" {
				a.canonical[form] = p.Name
			}
		}
	}
	for _, r := range reviews {
		for _, p := range r.People {
			add(p.Name)
		}
		for _, x := range r.Actions {
			add(x.Owner)
		}
		for _, e := range r.Timeline {
			add(e.Actor)
		}
	}
	addFirstNames(a.canonical)
	names := make([]string, 0, len(a.canonical))
	for _, c := range a.canonical {
		names = append(names, c)
	}
	a.pseudonyms = New(key, names)
	a.text = newFormMatcher(a.canonical)
	return a
}

// Person returns the pseudonym of a person's name, or the name itself when it is a team's.
func (a *Anonymizer) Person(name string) string {
	name = strings.TrimSpace(name)
	if name == "" || a.teams(name) {
		return name
	}
	if c, ok := a.canonical[name]; ok {
		return a.pseudonyms.Name(c)
	}
	return a.pseudonyms.Name(strings.TrimPrefix(name, "@"))
}

// Text replaces every known form of a person's name in s (whole words; forms shorter than
// three letters, such as initials, are left, as they too often mean something else).
func (a *Anonymizer) Text(s string) string {
	if a.text == nil || s == "" {
		return s
	}
	var b strings.Builder
	last := 0
	for start, end := range a.text.all(s) {
		if next, _ := utf8.DecodeRuneInString(s[end:]); end < len(s) && (unicode.IsLetter(next) || unicode.IsDigit(next) || next == '_') {
			continue // a longer word that starts with the name
		}
		b.WriteString(s[last:start])
		b.WriteString(a.pseudonyms.Name(a.canonical[s[start:end]]))
		last = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// Review returns a copy of r with its people replaced.
func (a *Anonymizer) Review(r metamortem.Review) metamortem.Review {
	r.Title = a.Text(r.Title)
	r.People = slices.Clone(r.People)
	for i := range r.People {
		r.People[i].Name = a.Person(r.People[i].Name)
	}
	r.Factors = slices.Clone(r.Factors)
	for i := range r.Factors {
		r.Factors[i].Text = a.Text(r.Factors[i].Text)
	}
	r.Actions = slices.Clone(r.Actions)
	for i := range r.Actions {
		r.Actions[i].Text = a.Text(r.Actions[i].Text)
		r.Actions[i].Owner = a.Person(r.Actions[i].Owner)
	}
	r.Timeline = slices.Clone(r.Timeline)
	for i := range r.Timeline {
		r.Timeline[i].Text = a.Text(r.Timeline[i].Text)
		r.Timeline[i].Actor = a.Person(r.Timeline[i].Actor)
	}
	if r.Sections != nil {
		sections := make(map[string]string, len(r.Sections))
		for k, v := range r.Sections {
			sections[k] = a.Text(v)
		}
		r.Sections = sections
	}
	return r
}

// addFirstNames adds the first name of each full-name form as a form of its person, when the first
// name is capitalised, three letters or more, and no other person shares it: timelines often
// say "Priya restarted the primary".
func addFirstNames(forms map[string]string) {
	byFirst := map[string]map[string]bool{}
	for form, c := range forms {
		first, _, ok := strings.Cut(form, " ")
		r := []rune(first)
		if !ok || len(r) < 3 || !unicode.IsUpper(r[0]) {
			continue
		}
		if byFirst[first] == nil {
			byFirst[first] = map[string]bool{}
		}
		byFirst[first][c] = true
	}
	for first, owners := range byFirst {
		if _, taken := forms[first]; !taken && len(owners) == 1 {
			for c := range owners {
				forms[first] = c
			}
		}
	}
}
