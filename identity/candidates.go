package identity

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Reason says why two names look like one person or component.
type Reason string

// The reasons NearDuplicates gives.
const (
	ReasonInitials    Reason = "initials"              // "PJ" and "Peter Jones"
	ReasonFirstName   Reason = "first name"            // "Peter" and "Peter Jones"
	ReasonInitialLast Reason = "initial and last name" // "P. Jones" and "Peter Jones"
	ReasonHandle      Reason = "handle"                // "@pjones" and "Peter Jones"
	ReasonEmail       Reason = "e-mail local part"     // "pjones@corp" and "Peter Jones"
	ReasonAffix       Reason = "affix"                 // "payments" and "payments-api"
	ReasonSpelling    Reason = "spelling"              // "paymets-api" and "payments-api"
)

// Lengths below which a rule does not apply, in letters and digits: a misspelling needs names
// of six, a handle three, and a component name left after removing an affix three.
const (
	minSpellingLength   = 6
	minHandleLength     = 3
	minComponentBaseLen = 3
)

// componentAffixes are the words that, added to or removed from a component's folded name,
// often still name the same component.
var componentAffixes = []string{"service", "svc", "api"}

// Candidate is a name seen in reviews that the catalog does not resolve but that looks like
// the same person or component as another name. Candidates are for a person to confirm; the
// Resolver never merges them.
type Candidate struct {
	Kind Kind
	// Name is the unresolved name, as most often written, and the reviews using it.
	Name        string
	NameReviews int
	// Match is the name it looks like: a catalog entry's canonical name (MatchKnown) or
	// another unresolved name seen in reviews, with the reviews using it in any form.
	Match        string
	MatchReviews int
	MatchKnown   bool
	Reason       Reason
}

// NearDuplicates returns the unresolved names seen in the reviews that look like another
// known or seen name, ordered by kind, name and match. A person's short form is offered only
// when exactly one full name fits it; two people with the same initials give no candidate.
func (res *Resolver) NearDuplicates() []Candidate {
	out := append(res.personCandidates(), res.componentCandidates()...)
	slices.SortFunc(out, func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind)),
			strings.Compare(a.Name, b.Name), strings.Compare(a.Match, b.Match))
	})
	return out
}

// person is someone a short name could refer to: a catalog person or an unresolved full name
// seen in reviews, with the short forms their full names give.
type person struct {
	id       string
	name     string
	known    bool
	reviews  int
	initials map[string]bool
	first    map[string]bool
	initLast map[string]bool // initial + " " + last name
	handles  map[string]bool
}

func newPerson(id, name string, known bool, reviews int, forms []string) *person {
	p := &person{id: id, name: name, known: known, reviews: reviews, initials: map[string]bool{},
		first: map[string]bool{}, initLast: map[string]bool{}, handles: map[string]bool{}}
	for _, f := range forms {
		words := fullName(f)
		if words == nil {
			continue
		}
		for _, in := range initialsOf(f, words) {
			p.initials[in] = true
		}
		p.first[words[0]] = true
		p.initLast[string([]rune(words[0])[0])+" "+words[len(words)-1]] = true
		for _, h := range handlesOf(words) {
			p.handles[h] = true
		}
	}
	return p
}

func (res *Resolver) personCandidates() []Candidate {
	var people []*person
	unresolved := map[string]bool{}
	for _, c := range res.people.order {
		people = append(people, newPerson("catalog:"+c, c, true, res.peopleReviews[c], res.people.forms[c]))
	}
	for _, k := range res.seenPeople.keys() {
		w := res.seenPeople.written(k)
		if _, ok := res.owner(w); ok {
			continue
		}
		unresolved[k] = true
		people = append(people, newPerson("seen:"+k, w, false, res.seenPeople.reviews(k), spellings(res.seenPeople.names[k])))
	}
	var out []Candidate
	for _, k := range res.seenPeople.keys() {
		if !unresolved[k] {
			continue
		}
		matched := map[string]bool{}
		for _, sp := range spellings(res.seenPeople.names[k]) {
			for _, rule := range shortFormRules(sp) {
				var hits []*person
				for _, p := range people {
					if p.id != "seen:"+k && rule.match(p) {
						hits = append(hits, p)
					}
				}
				if len(hits) != 1 || matched[hits[0].id] {
					continue
				}
				p := hits[0]
				matched[p.id] = true
				out = append(out, Candidate{Kind: KindPerson, Name: res.seenPeople.written(k),
					NameReviews: res.seenPeople.reviews(k), Match: p.name, MatchReviews: p.reviews,
					MatchKnown: p.known, Reason: rule.reason})
			}
		}
	}
	return out
}

// shortFormRule is one way a short name can point at a full name.
type shortFormRule struct {
	reason Reason
	match  func(*person) bool
}

// shortFormRules returns the rules that apply to a name written as s.
func shortFormRules(s string) []shortFormRule {
	var rules []shortFormRule
	if isInitials(s) {
		in := strings.ToLower(s)
		rules = append(rules, shortFormRule{ReasonInitials, func(p *person) bool { return p.initials[in] }})
	}
	if nameWord(s) && len([]rune(s)) >= 2 {
		first := strings.ToLower(s)
		rules = append(rules, shortFormRule{ReasonFirstName, func(p *person) bool { return p.first[first] }})
	}
	if initial, last, ok := initialAndLast(s); ok {
		il := string(initial) + " " + last
		rules = append(rules, shortFormRule{ReasonInitialLast, func(p *person) bool { return p.initLast[il] }})
	}
	handle, reason := "", ReasonHandle
	if local := emailLocal(s); local != "" {
		handle, reason = foldKey(local), ReasonEmail
	} else if !strings.ContainsAny(strings.TrimSpace(s), " \t") {
		handle = foldKey(s)
	}
	if utf8.RuneCountInString(handle) >= minHandleLength {
		rules = append(rules, shortFormRule{reason, func(p *person) bool { return p.handles[handle] }})
	}
	return rules
}

func spellings(sn *seenName) []string {
	out := make([]string, 0, len(sn.spellings))
	for sp := range sn.spellings {
		out = append(out, sp)
	}
	slices.Sort(out)
	return out
}

// component is a component an unresolved name could refer to, with its folded names.
type component struct {
	id      string
	name    string
	known   bool
	reviews int
	keys    []string
}

func (res *Resolver) componentCandidates() []Candidate {
	var comps []component
	for _, c := range res.components.order {
		var keys []string
		for _, f := range res.components.forms[c] {
			keys = append(keys, foldKey(f))
		}
		comps = append(comps, component{"catalog:" + c, c, true, res.componentReviews[c], keys})
	}
	var unresolved []component
	for _, k := range res.seenComponents.keys() {
		w := res.seenComponents.written(k)
		if _, ok := res.Component(w); !ok {
			unresolved = append(unresolved, component{"seen:" + k, w, false, res.seenComponents.reviews(k), []string{k}})
		}
	}
	comps = append(comps, unresolved...)
	var out []Candidate
	for _, a := range unresolved {
		for _, b := range comps {
			if b.id == a.id || !b.known && b.keys[0] < a.keys[0] {
				continue // each pair of unresolved names once
			}
			if reason, ok := componentReason(a.keys[0], b.keys); ok {
				out = append(out, Candidate{Kind: KindComponent, Name: a.name, NameReviews: a.reviews,
					Match: b.name, MatchReviews: b.reviews, MatchKnown: b.known, Reason: reason})
			}
		}
	}
	return out
}

// componentReason says why the folded name a looks like one of the folded names bs.
func componentReason(a string, bs []string) (Reason, bool) {
	for _, b := range bs {
		if a != b && stripAffix(a) == stripAffix(b) {
			return ReasonAffix, true
		}
	}
	for _, b := range bs {
		if utf8.RuneCountInString(a) >= minSpellingLength && utf8.RuneCountInString(b) >= minSpellingLength && oneEdit(a, b) {
			return ReasonSpelling, true
		}
	}
	return "", false
}

// stripAffix removes one of componentAffixes from the start or end of a folded name, if what
// is left is long enough to be a name.
func stripAffix(s string) string {
	for _, affix := range componentAffixes {
		if base, ok := strings.CutSuffix(s, affix); ok && utf8.RuneCountInString(base) >= minComponentBaseLen {
			return base
		}
		if base, ok := strings.CutPrefix(s, affix); ok && utf8.RuneCountInString(base) >= minComponentBaseLen {
			return base
		}
	}
	return s
}

// oneEdit reports whether a and b differ by exactly one inserted, deleted or replaced
// character that is not a digit: "worker1" and "worker2" are different components.
func oneEdit(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb)-len(ra) > 1 {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if i == len(rb) {
		return false // equal
	}
	if isDigit(rb[i]) || i < len(ra) && isDigit(ra[i]) {
		return false
	}
	if len(ra) == len(rb) {
		return string(ra[i+1:]) == string(rb[i+1:])
	}
	return string(ra[i:]) == string(rb[i+1:])
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
