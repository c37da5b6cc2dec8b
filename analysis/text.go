package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Two reviews can state the same cause in words that differ only in what happened to be
// involved: "payments-api ran out of connections at 14:02" and "checkout ran out of connections
// after 45 minutes". Masking replaces those incidental parts (names, numbers, times, hosts,
// versions, tickets, links, paths) with a placeholder of their kind before statements are
// compared, so that what is left is the cause itself.

// Mask is the kind of incidental text a placeholder stands for.
type Mask string

// The kinds of masked text. Their placeholders are written {component}, {num} and so on.
const (
	MaskComponent Mask = "component"
	MaskTeam      Mask = "team"
	MaskPerson    Mask = "person"
	MaskNumber    Mask = "num"
	MaskDate      Mask = "date"
	MaskTime      Mask = "time"
	MaskDuration  Mask = "duration"
	MaskHost      Mask = "host"
	MaskIP        Mask = "ip"
	MaskVersion   Mask = "version"
	MaskTicket    Mask = "ticket"
	MaskURL       Mask = "url"
	MaskPath      Mask = "path"
	MaskEmail     Mask = "email"
)

// word is one unit of a masked statement: a lower-case word, a placeholder (mask set), or a
// break between clauses (both empty), which no phrase or bigram may span.
type word struct {
	text string
	mask Mask
	// upper is true when the word was written with a capital first letter.
	upper bool
}

func (w word) isBreak() bool { return w.text == "" && w.mask == "" }

// Masker masks statements. Its zero value masks everything but names; NewMasker adds the names
// of components, teams and people.
type Masker struct {
	names nameTrie
}

// NewMasker returns a Masker that also masks the given names, matched whole-word and
// case-insensitively, the longest name first where several start at the same word. Names are
// split into words the same way statements are, so "Payments API" also matches "payments-api".
// One exception keeps ordinary words ordinary: a name that is one capitalised word of letters
// ("Data", "Edge", "Grace") is masked only where the statement capitalises it too, so the team
// "Data" does not hide "data corruption".
func NewMasker(components, teams, people []string) *Masker {
	m := &Masker{names: nameTrie{}}
	for _, group := range []struct {
		names []string
		mask  Mask
	}{{people, MaskPerson}, {teams, MaskTeam}, {components, MaskComponent}} {
		for _, n := range group.names {
			var ws []string
			split := splitWords(n)
			for _, w := range split {
				ws = append(ws, w.text)
			}
			m.names.add(ws, group.mask, len(split) == 1 && split[0].upper && isLowerAlpha(split[0].text))
		}
	}
	return m
}

// MaskText returns the statement with its incidental parts replaced by placeholders such as
// {component} and {num}, as lower-case words separated by single spaces and clause breaks
// written " | ".
func (m *Masker) MaskText(s string) string {
	var b strings.Builder
	for i, w := range m.words(s) {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch {
		case w.isBreak():
			b.WriteByte('|')
		case w.mask != "":
			b.WriteString("{" + string(w.mask) + "}")
		default:
			b.WriteString(w.text)
		}
	}
	return b.String()
}

// words splits s into masked words: special chunks first (links, paths, hosts, versions,
// tickets, dates, times), then names, then durations and numbers.
func (m *Masker) words(s string) []word {
	ws := splitWords(s)
	if m != nil && len(m.names) > 0 {
		ws = m.names.replace(ws)
	}
	return maskNumbers(ws)
}

// splitWords cuts s at white space into chunks, masks the chunks that are wholly a link, path,
// address, version, ticket key, date or time, and splits the rest into lower-case words of
// letters and digits. Punctuation that ends a clause becomes a break.
func splitWords(s string) []word {
	return appendSplitWords(make([]word, 0, len(s)/5+1), s) // a word every five or six bytes
}

// appendSplitWords appends the words of s, as splitWords cuts them, to out.
func appendSplitWords(out []word, s string) []word {
	start := len(out)
	brk := func() {
		if len(out) > start && !out[len(out)-1].isBreak() {
			out = append(out, word{})
		}
	}
	for chunk := range strings.FieldsSeq(s) {
		core := strings.TrimFunc(chunk, isEdgePunct)
		if core == "" {
			if strings.ContainsAny(chunk, ".;:!?()[]-–—|") {
				brk()
			}
			continue
		}
		lead := strings.Index(chunk, core)
		if strings.ContainsAny(chunk[:lead], "([\"'") && len(out) > start {
			brk()
		}
		if mask := classifyChunk(core); mask != "" {
			out = append(out, word{mask: mask})
		} else {
			out = appendWords(out, core)
		}
		if tail := chunk[lead+len(core):]; strings.ContainsAny(tail, ".;:!?)]") && !abbreviations[strings.ToLower(core)] {
			brk()
		}
	}
	if len(out) > start && out[len(out)-1].isBreak() {
		out = out[:len(out)-1]
	}
	return out
}

// appendWords appends the runs of letters and digits in chunk as lower-case words. A run that
// mixes letters and digits stays one word ("ec2", "x509", "oomkilled"); an apostrophe inside a
// word is dropped ("wasn't" becomes "wasnt").
func appendWords(out []word, chunk string) []word {
	start := -1
	flush := func(end int) {
		if start >= 0 {
			raw := chunk[start:end]
			w := strings.ToLower(raw)
			if strings.IndexByte(w, '\'') >= 0 || strings.IndexByte(w, "’"[0]) >= 0 && strings.Contains(w, "’") {
				w = strings.ReplaceAll(strings.ReplaceAll(w, "'", ""), "’", "")
			}
			upper := 'A' <= raw[0] && raw[0] <= 'Z'
			if raw[0] >= utf8.RuneSelf {
				r, _ := utf8.DecodeRuneInString(raw)
				upper = unicode.IsUpper(r)
			}
			out = append(out, word{text: w, upper: upper})
			start = -1
		}
	}
	for i := 0; i < len(chunk); {
		r, size := rune(chunk[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(chunk[i:])
		}
		inWord := isWordRune(r)
		if !inWord && (r == '\'' || r == '’') && start >= 0 {
			next, _ := utf8.DecodeRuneInString(chunk[i+utf8.RuneLen(r):])
			inWord = unicode.IsLetter(next)
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord:
			flush(i)
		}
		i += size
	}
	flush(len(chunk))
	return out
}

// isWordRune reports whether r is a letter or a digit, testing ASCII first.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isEdgePunct(r rune) bool {
	return unicode.IsPunct(r) && r != '/' && r != '@' && r != '~' && r != '#' || unicode.IsSymbol(r) && r != '~'
}

// abbreviations end in a full stop that does not end a clause.
var abbreviations = setOf(`e.g i.e etc vs approx cf incl`)

// durationUnits are the words that, after a number, make it a duration.
var durationUnits = map[string]bool{
	"ms": true, "msec": true, "millisecond": true, "milliseconds": true,
	"s": true, "sec": true, "secs": true, "second": true, "seconds": true,
	"m": true, "min": true, "mins": true, "minute": true, "minutes": true,
	"h": true, "hr": true, "hrs": true, "hour": true, "hours": true,
	"d": true, "day": true, "days": true, "week": true, "weeks": true,
	"month": true, "months": true, "year": true, "years": true,
}

// sizeUnits are the units of size that, after a number, are part of it.
var sizeUnits = setOf(`b kb mb gb tb pb kib mib gib tib bytes`)

// timeZones are the zone abbreviations written after times.
var timeZones = setOf(`utc gmt z cet cest eet eest wet west bst ist pst pdt pt mst mdt mt cst cdt ct
est edt et jst kst aest aedt sgt hkt`)

// calendarWords are month and weekday names; next to a number they make it a date.
var calendarWords = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true,
	"apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true,
	"aug": true, "august": true, "sep": true, "sept": true, "september": true, "oct": true,
	"october": true, "nov": true, "november": true, "dec": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

// maskNumbers masks words that begin with a digit, folds a number and the unit after it into a
// duration, a number next to a month or weekday name into a date, and a number followed by am
// or pm into a time.
func maskNumbers(ws []word) []word { return appendMaskNumbers(make([]word, 0, len(ws)), ws) }

// appendMaskNumbers appends ws, with numbers masked as maskNumbers does, to out.
func appendMaskNumbers(out []word, ws []word) []word {
	start := len(out)
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if n := len(out); n > start && out[n-1].mask == MaskTime && w.mask == "" && (timeZones[w.text] || w.text == "am" || w.text == "pm") {
			continue // "13:55 PM", "09:58 UTC"
		}
		isNumber := w.mask == MaskNumber || w.mask == "" && startsWithDigit(w.text)
		if !isNumber {
			if len(out) > start && out[len(out)-1].mask == MaskNumber && w.mask == "" && isCalendar(w.text) {
				out[len(out)-1].mask = MaskDate // "4 August"
				continue
			}
			out = append(out, w)
			continue
		}
		if n := len(out); n > start && out[n-1].mask == "" && isCalendar(out[n-1].text) {
			out[n-1] = word{mask: MaskDate} // "August 4"
			continue
		}
		if unit := strings.TrimLeft(w.text, "0123456789"); w.mask == "" && durationUnits[unit] && unit != "s" {
			out = append(out, word{mask: MaskDuration}) // "45min", "100ms"
			continue
		}
		mask := MaskNumber
		if i+1 < len(ws) && ws[i+1].mask == "" {
			next := ws[i+1].text
			switch {
			case durationUnits[next]:
				mask = MaskDuration
				i++
			case sizeUnits[next]:
				i++ // "147 MB" is a number
			case next == "am" || next == "pm" || timeZones[next]:
				mask = MaskTime
				i++
			case isCalendar(next):
				mask = MaskDate
				i++
			}
		}
		if n := len(out); n > start && out[n-1].mask == mask && mask != MaskNumber {
			continue // "1 hour 20 minutes" is one duration
		}
		if n := len(out); n > start && mask == MaskNumber && out[n-1].mask == MaskDate {
			continue // the year after "4 August"
		}
		out = append(out, word{mask: mask})
	}
	return out
}

// isCalendar reports whether w names a month or weekday; "may" is left out, being far more
// often a verb.
func isCalendar(w string) bool { return calendarWords[w] && w != "may" }

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }
