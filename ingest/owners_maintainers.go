package ingest

import (
	"regexp"
	"slices"
	"strings"

	"github.com/metamortem/metamortem"
)

// maintainersFormat reads MAINTAINERS.md-style files: Markdown bullets that name people with
// their contacts, "Name (email / @handle)", either in a list introduced by a line such as
// "General maintainers:" (a team) or after a component, "`tsdb`: Name (…), Name (…)", where
// bullets nested under a component ("`storage`" > "`remote`") name its parts. Components become
// Ownership entries with the path of nested names as pattern ("storage/remote"); every person
// becomes a CatalogPerson with their handle and e-mail address as aliases.
var maintainersFormat = Format{
	Name:       "maintainers",
	Extensions: []string{".md", ".markdown"},
	Sniff:      sniffMaintainers,
	Parse:      parseMaintainers,
	Catalog:    true,
}

var (
	reMaintainersTitle = regexp.MustCompile(`(?i)\b(?:maintainers?|maintained by|code ?owners|owners|ownership)\b`)
	reBullet           = regexp.MustCompile(`^([ \t]*)[-*+][ \t]+(.*)$`)
	reContactBullet    = regexp.MustCompile(`\(\s*<?[^()\s]*@|<` + emailPattern + `>|(?:^|\s)@[A-Za-z0-9][\w-]*`)
	reNameParen        = regexp.MustCompile(`([^,()]+?)\s*\(`)
	reEmailToken       = regexp.MustCompile(`<?(` + emailPattern + `)>?`)
	reCodeSpanName     = regexp.MustCompile("`([^`]+)`")
	reLeadingAnd       = regexp.MustCompile(`(?i)^(?:and|&)\s+`)
)

// sniffMaintainers recognises a maintainers list: its first heading (or, without headings, its
// first line) speaks of maintainers or owners, no heading speaks of incidents, and at least two
// bullets, and half of all bullets, name people with contacts ("(email / @handle)", "<email>",
// "@handle").
func sniffMaintainers(data []byte) bool {
	head := sniffHead(data)
	if strings.TrimSpace(head) == "" || looksJSON([]byte(strings.TrimSpace(head))) {
		return false
	}
	lines := strings.Split(head, "\n")
	titled, headings := false, hasHeading(lines)
	for _, l := range lines {
		if strings.TrimSpace(l) == "" || headings && !reSniffATX.MatchString(l) {
			continue
		}
		titled = reMaintainersTitle.MatchString(l)
		break
	}
	if !titled {
		return false
	}
	bullets, contacts := 0, 0
	for _, l := range lines {
		if reSniffATX.MatchString(l) && reIncidentWords.MatchString(l) {
			return false // a review that lists its responders with handles
		}
		if m := reBullet.FindStringSubmatch(l); m != nil {
			bullets++
			if reContactBullet.MatchString(m[2]) {
				contacts++
			}
		}
	}
	return contacts >= 2 && contacts*2 >= bullets
}

// hasHeading reports whether any line is an ATX heading.
func hasHeading(lines []string) bool {
	for _, l := range lines {
		if reSniffATX.MatchString(l) {
			return true
		}
	}
	return false
}

// contact is a person as a maintainers list names them.
type contact struct {
	name, email, handle string
}

// owner is how an ownership entry names the person: the handle, else the e-mail address, else
// the name.
func (c contact) owner() string {
	switch {
	case c.handle != "":
		return c.handle
	case c.email != "":
		return c.email
	}
	return c.name
}

// parseContacts reads the people of a bullet: "Name (email / @handle), Name (<email> /
// @handle)", tolerating a missing ")", or, without parentheses, "Name <email> @handle" parts
// separated by commas, semicolons or "and".
func parseContacts(text string) []contact {
	var out []contact
	if locs := reNameParen.FindAllStringSubmatchIndex(text, -1); locs != nil {
		for i, m := range locs {
			end := len(text)
			if i+1 < len(locs) {
				end = locs[i+1][0]
			}
			inside := text[m[1]:end]
			if j := strings.IndexByte(inside, ')'); j >= 0 {
				inside = inside[:j]
			}
			c := contactFrom(text[m[2]:m[3]], inside)
			if c.name != "" || c.handle != "" || c.email != "" {
				out = append(out, c)
			}
		}
		return out
	}
	for _, part := range reNameSplit.Split(text, -1) {
		c := contactFrom(part, part)
		if c.name != "" || c.handle != "" || c.email != "" {
			out = append(out, c)
		}
	}
	return out
}

// contactFrom reads a name from name (dropping any contacts in it) and the handle and e-mail
// address from contacts.
func contactFrom(name, contacts string) contact {
	var c contact
	if m := reHandleInTxt.FindStringSubmatch(contacts); m != nil {
		c.handle = m[1]
	}
	if m := reEmailToken.FindStringSubmatch(contacts); m != nil {
		c.email = m[1]
	}
	name = reEmailToken.ReplaceAllString(name, " ")
	name = reHandleInTxt.ReplaceAllString(name, " ")
	name = strings.Trim(cleanInline(name), " ,;:/-–")
	name = reLeadingAnd.ReplaceAllString(name, "")
	if validName(name) {
		c.name = name
	}
	return c
}

// componentLabel returns the component a bullet's label names: its first code span, else the
// label as plain text.
func componentLabel(label string) string {
	if m := reCodeSpanName.FindStringSubmatch(label); m != nil {
		return strings.TrimSpace(m[1])
	}
	return strings.Trim(cleanInline(label), " :")
}

// splitLabel separates "`tsdb`: Name (…)" into the label and the people. A colon counts only
// before the first parenthesis, so that none inside contacts is taken for one.
func splitLabel(text string) (label, rest string, ok bool) {
	limit := len(text)
	if i := strings.IndexByte(text, '('); i >= 0 {
		limit = i
	}
	i := strings.Index(text[:limit], ": ")
	if i < 0 {
		if strings.HasSuffix(strings.TrimSpace(text[:limit]), ":") && limit == len(text) {
			return strings.TrimSuffix(strings.TrimSpace(text), ":"), "", true
		}
		return "", text, false
	}
	return text[:i], text[i+2:], true
}

// maintainersReader gathers the catalog of one maintainers list.
type maintainersReader struct {
	cat    metamortem.Catalog
	person map[string]int // lower-cased handle, e-mail or name → index in cat.People
	team   map[string]int // team name → index in cat.Teams
	owned  map[string]int // pattern → index in cat.Ownership
}

// addPerson records a person, merging the contacts of someone named twice, and returns their
// index in the catalog's people.
func (r *maintainersReader) addPerson(c contact) int {
	var keys []string
	for _, k := range []string{c.handle, c.email, c.name} {
		if k != "" {
			keys = append(keys, strings.ToLower(k))
		}
	}
	idx := -1
	for _, k := range keys {
		if i, ok := r.person[k]; ok {
			idx = i
			break
		}
	}
	if idx < 0 {
		name := c.name
		if name == "" {
			name = c.owner()
		}
		idx = len(r.cat.People)
		r.cat.People = append(r.cat.People, metamortem.CatalogPerson{Name: name})
	}
	p := &r.cat.People[idx]
	if p.Email == "" {
		p.Email = c.email
	}
	p.Aliases = addUnique(p.Aliases, c.handle, c.email)
	for _, k := range keys {
		r.person[k] = idx
	}
	return idx
}

// addOwners records the people as owners of the component at path, creating its entry on
// first use: a component without people is recorded too, unowned.
func (r *maintainersReader) addOwners(path string, people []contact) {
	i, ok := r.owned[path]
	if !ok {
		i = len(r.cat.Ownership)
		r.owned[path] = i
		r.cat.Ownership = append(r.cat.Ownership, metamortem.Ownership{Component: lastSegment(path), Pattern: path, Source: "maintainers"})
	}
	for _, c := range people {
		r.addPerson(c)
		r.cat.Ownership[i].Owners = addUnique(r.cat.Ownership[i].Owners, c.owner())
	}
}

// addMember records a person as a member of the team a lead-in line or heading names.
func (r *maintainersReader) addMember(label string, c contact) {
	p := &r.cat.People[r.addPerson(c)]
	name := strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(label), "-"), "-")
	if name == "" {
		return
	}
	i, ok := r.team[name]
	if !ok {
		i = len(r.cat.Teams)
		r.team[name] = i
		r.cat.Teams = append(r.cat.Teams, metamortem.Team{Name: name, Title: label})
	}
	p.Teams = addUnique(p.Teams, name)
	r.cat.Teams[i].Members = addUnique(r.cat.Teams[i].Members, p.Name)
}

func parseMaintainers(doc Document) (Result, error) {
	r := &maintainersReader{person: map[string]int{}, team: map[string]int{}, owned: map[string]int{}}
	type level struct {
		indent int
		name   string
	}
	var stack []level
	label := ""
	fence := false
	for _, line := range strings.Split(strings.ReplaceAll(string(trimBOM(doc.Data)), "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = !fence
			continue
		}
		if fence || t == "" {
			continue
		}
		m := reBullet.FindStringSubmatch(line)
		if m == nil {
			stack = stack[:0]
			switch {
			case reSniffATX.MatchString(line):
				label = cleanInline(strings.TrimLeft(t, "# "))
			case strings.HasSuffix(t, ":"):
				label = cleanInline(strings.TrimSuffix(t, ":"))
			default:
				label = ""
			}
			continue
		}
		indent := len(strings.ReplaceAll(m[1], "\t", "    "))
		for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		text := strings.TrimSpace(m[2])
		compLabel, rest, labelled := splitLabel(text)
		people := parseContacts(rest)
		if !labelled {
			// A bullet without a label names people only when they come with contacts.
			people = slices.DeleteFunc(people, func(c contact) bool { return c.handle == "" && c.email == "" })
			if len(people) > 0 && len(stack) == 0 {
				for _, c := range people {
					r.addMember(label, c)
				}
				continue
			}
			if len(people) > 0 {
				// People listed under a component bullet own it.
				r.addOwners(stack[len(stack)-1].name, people)
				continue
			}
			compLabel, rest, people = text, "", nil
		}
		comp := componentLabel(compLabel)
		if comp == "" {
			continue
		}
		path := comp
		if len(stack) > 0 {
			path = stack[len(stack)-1].name + "/" + comp
		}
		stack = append(stack, level{indent, path})
		if len(people) == 0 && strings.TrimSpace(rest) == "" {
			continue // a parent of nested components
		}
		r.addOwners(path, people)
	}
	return Result{Catalog: r.cat}, nil
}
