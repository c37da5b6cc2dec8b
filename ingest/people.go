package ingest

import (
	"regexp"
	"strings"

	"github.com/metamortem/metamortem"
)

// People are only read where a review names them on purpose: metadata keys ("Incident Leader:",
// "Owner: @handle"), people sections (Attendees, Authors, Involved), action owners and actor
// columns of timeline tables. Names in running prose are never guessed at.

var (
	reInitials   = regexp.MustCompile(`^[A-Z][A-Z0-9]{1,3}$`)
	reHandle     = regexp.MustCompile(`^@[A-Za-z0-9][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_.-]+)?$`)
	reNameSplit  = regexp.MustCompile(`\s*(?:[,;]|\s&\s|\sand\s)\s*`)
	reParenthetl = regexp.MustCompile(`\([^()]*\)|\[[^\[\]]*\]`)
	reEmailAddr  = regexp.MustCompile(`\s*<?[\w.+-]+@[\w-]+\.[\w.-]+>?`)
)

// notNames are values people write where a name would go.
var notNames = map[string]bool{
	"n/a": true, "na": true, "tbd": true, "tba": true, "none": true, "unknown": true, "-": true,
	"yyy": true, "xxx": true, "names": true, "name": true, "someone": true, "nobody": true,
	"todo": true, "everyone": true, "all": true, "team": true, "the team": true, "...": true,
}

// splitNames splits a value that names people into names: lists separated by commas,
// semicolons or "and", and runs of initials or handles separated by spaces ("EC RF SD").
// Parenthetical notes, e-mail addresses and placeholders are dropped.
func splitNames(v string) []string {
	v = cleanInline(v)
	if strings.Contains(v, "@") {
		v = reEmailAddr.ReplaceAllString(v, "")
	}
	for i := 0; i < 2 && strings.ContainsAny(v, "(["); i++ {
		v = reParenthetl.ReplaceAllString(v, " ")
	}
	var out []string
	for _, part := range splitNameList(v) {
		part = strings.Trim(strings.TrimSpace(part), ".:;-–*\"'")
		if part == "" {
			continue
		}
		fields := strings.Fields(part)
		allShort := len(fields) > 1
		for _, f := range fields {
			if !isInitials(f) && !isHandle(f) {
				allShort = false
			}
		}
		if allShort {
			for _, f := range fields {
				if validName(f) {
					out = append(out, f)
				}
			}
			continue
		}
		if validName(part) {
			out = append(out, part)
		}
	}
	return out
}

// splitNameList splits a list of names at commas, semicolons, "&" and "and".
func splitNameList(v string) []string {
	if !strings.ContainsAny(v, ",;&") && !strings.Contains(v, "and") {
		return []string{v} // no separator: what reNameSplit.Split returns
	}
	return reNameSplit.Split(v, -1)
}

// isInitials reports whether s is a run of initials such as "EC" or "RF2".
func isInitials(s string) bool {
	return len(s) >= 2 && len(s) <= 4 && s[0] >= 'A' && s[0] <= 'Z' && reInitials.MatchString(s)
}

// isHandle reports whether s is a handle such as "@jdoe" or "@org/team".
func isHandle(s string) bool {
	return strings.HasPrefix(s, "@") && reHandle.MatchString(s)
}

// validName reports whether s reads like a person's name, initials or handle rather than a
// sentence or placeholder.
func validName(s string) bool {
	low := strings.ToLower(s)
	if s == "" || len(s) > 60 || notNames[low] || strings.HasPrefix(low, "someone") || strings.ContainsAny(s, ":<>|=") {
		return false
	}
	if isHandle(s) || isInitials(s) {
		return true
	}
	words := strings.Fields(s)
	if len(words) > 4 {
		return false
	}
	for _, w := range words {
		if strings.ContainsAny(w, "0123456789") {
			return false
		}
	}
	first := []rune(words[0])[0]
	if len(words) > 1 && !(first >= 'A' && first <= 'Z' || first > 127) {
		return false
	}
	for _, w := range []string{"list ", "goes here", "names of", "e.g", "your name", "fill in", "add "} {
		if strings.Contains(low, w) {
			return false
		}
	}
	return true
}

// people gathers the review's people, de-duplicated by name and role in order of appearance.
type people struct {
	list []metamortem.Person
	seen map[string]bool
}

func (p *people) add(name string, role metamortem.Role) {
	name = strings.TrimSpace(name)
	if name == "" || role == "" {
		return
	}
	key := strings.ToLower(name) + "\x00" + string(role)
	if p.seen == nil {
		p.seen = map[string]bool{}
	}
	if !p.seen[key] {
		p.seen[key] = true
		p.list = append(p.list, metamortem.Person{Name: name, Role: role})
	}
}

func (p *people) addAll(values []string, role metamortem.Role) {
	for _, v := range values {
		for _, n := range splitNames(v) {
			p.add(n, role)
		}
	}
}

// roleOf maps a role as written in front matter or a table to a known role, defaulting to def.
func roleOf(s string, def metamortem.Role) metamortem.Role {
	n := strings.ToLower(s)
	switch {
	case n == "":
		return def
	case strings.Contains(n, "lead") || strings.Contains(n, "commander") || n == "ic":
		return metamortem.RoleLead
	case strings.Contains(n, "author") || strings.Contains(n, "writer"):
		return metamortem.RoleAuthor
	case strings.Contains(n, "owner"):
		return metamortem.RoleOwner
	case strings.Contains(n, "attend"):
		return metamortem.RoleAttendee
	case strings.Contains(n, "respond") || strings.Contains(n, "on-call") || strings.Contains(n, "on call"):
		return metamortem.RoleResponder
	}
	return def
}

// peopleFromSections reads people sections (Attendees, Authors, Involved, ...): list items,
// lines of paragraphs, and the Name column of tables.
func peopleFromSections(roots []*section, p *people) {
	for _, r := range roots {
		r.walk(func(s *section) {
			role := peopleKinds[s.kind]
			if role == "" {
				return
			}
			for _, b := range s.blocks() {
				switch b.kind {
				case blockItem:
					p.addAll([]string{b.text}, metamortem.Role(role))
				case blockPara:
					for _, ln := range strings.Split(b.text, "\n") {
						// "IPS team: members who responded" describes a group, it names nobody.
						if !strings.Contains(ln, ":") && len(strings.Fields(ln)) <= 12 {
							p.addAll([]string{ln}, metamortem.Role(role))
						}
					}
				case blockTable:
					if !b.head || len(b.rows) < 2 {
						continue
					}
					name := columnFor(b.rows[0], "name", "person", "who", "attendee")
					rc := columnFor(b.rows[0], "role")
					for _, row := range b.rows[1:] {
						for _, n := range splitNames(cell(row, name)) {
							p.add(n, roleOf(cell(row, rc), metamortem.Role(role)))
						}
					}
				}
			}
		})
	}
}
