package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Reviews write dates and times in every way people do: "2020-01-21 15:36", "12:45 PM PST
// Saturday Oct 30th", "Jan 14, 10:18 AM", "**16:58 UTC**", "13:55 PM" (a 24-hour time with a
// stray PM, read as 13:55). scanStamp reads such a stamp at the start of a line; findDates finds
// dates anywhere in a heading or sentence.

const (
	monthPat   = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`
	weekdayPat = `(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)`
	ordPat     = `(?:st|nd|rd|th)?`
)

var (
	reISODate  = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})`)
	reNumDate  = regexp.MustCompile(`^(\d{1,2})([/.-])(\d{1,2})[/.-](\d{4}|\d{2})`)
	reMonthDay = regexp.MustCompile(`(?i)^(?:` + weekdayPat + `\.?,?\s+)?` + monthPat + `\.?\s+(\d{1,2})` + ordPat +
		`(?:\s*[-–]\s*(\d{1,2})` + ordPat + `)?(?:,?\s+(\d{4}))?`)
	reDayMonth = regexp.MustCompile(`(?i)^(?:` + weekdayPat + `\.?,?\s+)?(?:the\s+)?(\d{1,2})` + ordPat + `\s+(?:of\s+)?` + monthPat +
		`\.?(?:,?\s+(\d{4}))?`)
	reMonthYear = regexp.MustCompile(`(?i)^` + monthPat + `\.?,?\s+(\d{4})`)
	reWeekday   = regexp.MustCompile(`(?i)^` + weekdayPat + `\.?`)
	reClock     = regexp.MustCompile(`(?i)^T?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([ap])\.?m\.?)?~?`)
	reClockAMPM = regexp.MustCompile(`(?i)^(\d{1,2})\s*([ap])\.?m\.?`)
	reApprox    = regexp.MustCompile(`(?i)^(?:~|≈|approx(?:imately|\.)?|around|about|circa|ca\.)\s*`)
	reConnector = regexp.MustCompile(`(?i)^(?:at|on|@)\s+`)
	reUnknownHM = regexp.MustCompile(`^[-?x]{1,2}:[-?x]{2}`)
)

// ymd is a calendar date; y is 0 when the year was not written.
type ymd struct{ y, m, d int }

func (d ymd) valid() bool {
	if d.m < 1 || d.m > 12 || d.d < 1 || d.d > 31 {
		return false
	}
	if d.y == 0 {
		return true
	}
	return time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC).Day() == d.d
}

func (d ymd) time() time.Time { return time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC) }

// withYear fills in a missing year from a reference date: the reference's year, or the next one
// when that would put the date more than half a year before the reference (a December timeline
// running into January).
func (d ymd) withYear(ref ymd) ymd {
	if d.y != 0 || ref.y == 0 {
		return d
	}
	d.y = ref.y
	if !d.valid() {
		return ymd{}
	}
	if ref.time().Sub(d.time()) > 183*24*time.Hour {
		d.y++
	}
	return d
}

func monthNum(s string) int {
	s = strings.ToLower(s)
	if len(s) < 3 {
		return 0
	}
	return map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
		"aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}[s[:3]]
}

func fullYear(s string) int {
	y, _ := strconv.Atoi(s)
	if len(s) == 2 {
		y += 2000
	}
	return y
}

// boundaryAt reports whether position i of s ends a token: end of text or a character that
// cannot continue a word or number.
func boundaryAt(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	c := s[i]
	return !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isLetter reports whether c is an ASCII letter.
func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// weekdayWords and dateWords are the first three letters of the words a weekday, or a date
// written with words, starts with.
var (
	weekdayWords = map[string]bool{"mon": true, "tue": true, "wed": true, "thu": true, "fri": true, "sat": true, "sun": true}
	dateWords    = map[string]bool{
		"jan": true, "feb": true, "mar": true, "apr": true, "may": true, "jun": true, "jul": true,
		"aug": true, "sep": true, "oct": true, "nov": true, "dec": true,
		"mon": true, "tue": true, "wed": true, "thu": true, "fri": true, "sat": true, "sun": true, "the": true,
	}
)

// startsWithWord reports whether s may start with one of the words whose first three letters
// are in words. It is a quick test before a case-insensitive pattern: text whose first three
// bytes are not all ASCII is left to the pattern, which folds some runes to ASCII letters
// ("ſ" to "s").
func startsWithWord(s string, words map[string]bool) bool {
	if len(s) < 3 {
		return false
	}
	var low [3]byte
	for i := range low {
		c := s[i]
		if c >= 0x80 {
			return true
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	return words[string(low[:])]
}

// dateAt reads a calendar date at the start of s and returns it with its length; end is the
// last day of a day range such as "January 14-19, 2026", else 0.
func dateAt(s string) (d ymd, end int, n int) {
	// Numeric dates and "14th of May" start with a digit, the others with a month or weekday
	// name: other text is no date, and is ruled out without running the patterns.
	if s == "" || !isDigit(s[0]) && !startsWithWord(s, dateWords) {
		return ymd{}, 0, 0
	}
	if m := reISODate.FindStringSubmatch(s); m != nil && (boundaryAt(s, len(m[0])) || s[len(m[0])] == 'T') {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		dd, _ := strconv.Atoi(m[3])
		if d := (ymd{y, mo, dd}); d.valid() {
			return d, 0, len(m[0])
		}
		return ymd{}, 0, 0
	}
	if m := reNumDate.FindStringSubmatch(s); m != nil && boundaryAt(s, len(m[0])) &&
		!(len(s) > len(m[0])+1 && s[len(m[0])] == '.' && s[len(m[0])+1] >= '0' && s[len(m[0])+1] <= '9') {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[3])
		sep := m[2]
		if sep == "." && len(m[4]) != 4 {
			return ymd{}, 0, 0
		}
		y := fullYear(m[4])
		mo, dd := a, b
		if sep == "." || a > 12 {
			mo, dd = b, a
		}
		if d := (ymd{y, mo, dd}); d.valid() {
			return d, 0, len(m[0])
		}
		return ymd{}, 0, 0
	}
	if m := reMonthDay.FindStringSubmatchIndex(s); m != nil {
		get := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		n := m[1]
		day, _ := strconv.Atoi(get(2))
		endDay, y := 0, 0
		if get(3) != "" && m[7] < len(s) && s[m[7]] == ':' {
			// "Oct 30 - 15:38" is a day and a time, not a range of days.
			n = skipOrdinal(s, m[5])
		} else {
			endDay, _ = strconv.Atoi(get(3))
			y, _ = strconv.Atoi(get(4))
		}
		if d := (ymd{y, monthNum(get(1)), day}); boundaryAt(s, n) && d.valid() {
			return d, endDay, n
		}
	}
	if m := reDayMonth.FindStringSubmatch(s); m != nil && boundaryAt(s, len(m[0])) {
		day, _ := strconv.Atoi(m[1])
		y := 0
		if m[3] != "" {
			y, _ = strconv.Atoi(m[3])
		}
		if d := (ymd{y, monthNum(m[2]), day}); d.valid() {
			return d, 0, len(m[0])
		}
	}
	return ymd{}, 0, 0
}

func skipOrdinal(s string, i int) int {
	if i+2 <= len(s) {
		switch strings.ToLower(s[i : i+2]) {
		case "st", "nd", "rd", "th":
			return i + 2
		}
	}
	return i
}

// stamp is what scanStamp read: a date (perhaps without a year), a clock time, a zone.
type stamp struct {
	date     ymd
	hasDate  bool
	endDay   int
	h, m, s  int
	hasClock bool
	loc      *time.Location
}

// clockAt reads a clock time at the start of s. Hours above 12 ignore AM/PM ("13:55 PM" is
// 13:55); 12 AM is midnight.
func clockAt(s string) (h, m, sec, n int) {
	// Every clock starts with a digit, or a "T" as in "2020-01-21T15:36".
	if s == "" || !isDigit(s[0]) && s[0]|0x20 != 't' {
		return 0, 0, 0, 0
	}
	if mm := reClock.FindStringSubmatch(s); mm != nil && (boundaryAt(s, len(mm[0])) || strings.HasSuffix(mm[0], "~") ||
		s[len(mm[0])] == 'Z' && boundaryAt(s, len(mm[0])+1)) {
		h, _ = strconv.Atoi(mm[1])
		m, _ = strconv.Atoi(mm[2])
		sec, _ = strconv.Atoi(mm[3])
		if h > 24 || m > 59 || sec > 60 || (h == 24 && m > 0) {
			return 0, 0, 0, 0
		}
		if len(s) > len(mm[0])+1 && s[len(mm[0])] == ':' && s[len(mm[0])+1] >= '0' && s[len(mm[0])+1] <= '9' {
			return 0, 0, 0, 0
		}
		return ampm(h, mm[4]), m, sec, len(mm[0])
	}
	if mm := reClockAMPM.FindStringSubmatch(s); mm != nil && boundaryAt(s, len(mm[0])) {
		h, _ = strconv.Atoi(mm[1])
		if h < 1 || h > 12 {
			return 0, 0, 0, 0
		}
		return ampm(h, mm[2]), 0, 0, len(mm[0])
	}
	return 0, 0, 0, 0
}

func ampm(h int, marker string) int {
	switch strings.ToLower(marker) {
	case "p":
		if h < 12 {
			return h + 12
		}
	case "a":
		if h == 12 {
			return 0
		}
	}
	if h == 24 {
		return 0
	}
	return h
}

// stampSeps are the characters allowed between the parts of a stamp and after it.
const stampSeps = " \t,-–—|:;"

// scanStamp reads a date and/or time at the start of s ("2020-01-21 15:36", "12:45 PM PST
// Saturday Oct 30th", "~09:00", "22:30 UTC (Oct 29)") and returns it with the text after it. It
// fails unless it read a clock time or a whole day.
func scanStamp(s string) (st stamp, rest string, ok bool) {
	pos := 0
	last := 0
	for i := 0; i < 12; i++ {
		p := pos
		if i > 0 {
			for p < len(s) && strings.IndexByte(stampSeps, s[p]) >= 0 || strings.HasPrefix(s[p:], "–") || strings.HasPrefix(s[p:], "—") {
				if strings.HasPrefix(s[p:], "–") || strings.HasPrefix(s[p:], "—") {
					p += len("–")
				} else {
					p++
				}
			}
		}
		t := s[p:]
		if m := approxAt(t); m != "" && (m == "~" || m == "≈" || !boundaryAt(t, 0)) {
			pos = p + len(m)
			continue
		}
		if m := connectorAt(t); m != "" && i > 0 {
			if _, _, n := dateAt(t[len(m):]); n > 0 {
				pos = p + len(m)
				continue
			}
			if _, _, _, n := clockAt(t[len(m):]); n > 0 {
				pos = p + len(m)
				continue
			}
		}
		if strings.HasPrefix(t, "(") {
			if end := strings.IndexByte(t, ')'); end > 1 && end < 40 {
				inner, innerRest, ok := scanStamp(t[1:end])
				if strings.TrimSpace(innerRest) == "" && (ok || inner.loc != nil) {
					st = mergeStamp(st, inner)
					pos = p + end + 1
					last = pos
					continue
				}
				if loc, n := zoneAt(t[1:end], false); loc != nil && n == end-1 {
					st.loc = loc
					pos = p + end + 1
					last = pos
					continue
				}
				if len(weekdayAt(t[1:end])) == end-1 {
					pos = p + end + 1
					last = pos
					continue
				}
			}
			break
		}
		if !st.hasDate {
			if d, endDay, n := dateAt(t); n > 0 {
				st.date, st.endDay, st.hasDate = d, endDay, true
				pos = p + n
				last = pos
				continue
			}
		}
		if !st.hasClock {
			if h, m, sec, n := clockAt(t); n > 0 {
				st.h, st.m, st.s, st.hasClock = h, m, sec, true
				pos = p + n
				last = pos
				if loc, zn := zoneAt(s[pos:], true); loc != nil && zn > 0 && (pos+zn >= len(s) || boundaryAt(s, pos+zn)) {
					st.loc = loc
					pos += zn
					last = pos
				}
				continue
			}
			if n := len(reUnknownHM.FindString(t)); n > 0 && st.hasDate {
				pos = p + n
				last = pos
				continue
			}
		}
		if st.loc == nil && (st.hasClock || st.hasDate) {
			if loc, n := zoneAt(t, false); loc != nil {
				st.loc = loc
				pos = p + n
				last = pos
				continue
			}
		}
		if m := weekdayAt(t); m != "" && boundaryAt(t, len(m)) {
			pos = p + len(m)
			last = pos
			continue
		}
		break
	}
	if !st.hasClock && !(st.hasDate && st.date.d > 0) {
		return stamp{}, s, false
	}
	rest = strings.TrimLeft(s[last:], stampSeps+"–—.")
	rest = strings.TrimLeft(rest, stampSeps+"–—")
	return st, strings.TrimSpace(rest), true
}

// approxAt returns the "~", "approx." or "around" at the start of s, or "".
func approxAt(s string) string {
	if s == "" || s[0] != '~' && s[0] < 0x80 && s[0]|0x20 != 'a' && s[0]|0x20 != 'c' {
		return ""
	}
	return reApprox.FindString(s)
}

// connectorAt returns the "at", "on" or "@" at the start of s, or "".
func connectorAt(s string) string {
	if s == "" || s[0] != '@' && s[0]|0x20 != 'a' && s[0]|0x20 != 'o' {
		return ""
	}
	return reConnector.FindString(s)
}

// weekdayAt returns the weekday name at the start of s ("Sat", "Saturday", "Sat."), or "".
func weekdayAt(s string) string {
	if !startsWithWord(s, weekdayWords) {
		return ""
	}
	return reWeekday.FindString(s)
}

func mergeStamp(a, b stamp) stamp {
	if !a.hasDate && b.hasDate {
		a.date, a.endDay, a.hasDate = b.date, b.endDay, true
	}
	if !a.hasClock && b.hasClock {
		a.h, a.m, a.s, a.hasClock = b.h, b.m, b.s, true
	}
	if a.loc == nil {
		a.loc = b.loc
	}
	return a
}

// at turns a stamp into an instant in UTC, taking the date from day when the stamp has none and
// the zone from loc when it names none (UTC when neither does). ok is false without a full date.
func (st stamp) at(day ymd, loc *time.Location) (time.Time, bool) {
	d := day
	if st.hasDate {
		d = st.date.withYear(day)
	}
	if d.y == 0 || !d.valid() {
		return time.Time{}, false
	}
	if st.loc != nil {
		loc = st.loc
	}
	if loc == nil {
		loc = time.UTC
	}
	if !st.hasClock {
		return time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC), true
	}
	return time.Date(d.y, time.Month(d.m), d.d, st.h, st.m, st.s, 0, loc).UTC(), true
}

// foundDate is a date found in running text, with the last day of a range when one was written.
type foundDate struct {
	date ymd
	end  ymd
}

// findDates returns the dates written in s, in order. Dates without a year take it from a later
// date in the same text ("Oct 30th - Nov 1st, 2021").
func findDates(s string) []foundDate {
	var out []foundDate
	for i := 0; i < len(s); i++ {
		if i > 0 && !boundaryAt(s, i-1) {
			continue
		}
		if _, _, _, n := clockAt(s[i:]); n > 0 && strings.Contains(s[i:i+n], ":") {
			i += n - 1
			continue
		}
		d, endDay, n := dateAt(s[i:])
		if n == 0 {
			continue
		}
		f := foundDate{date: d}
		if endDay > 0 {
			f.end = ymd{d.y, d.m, endDay}
		}
		out = append(out, f)
		i += n - 1
	}
	for i := len(out) - 2; i >= 0; i-- {
		if out[i].date.y == 0 && out[i+1].date.y != 0 {
			out[i].date.y = out[i+1].date.y
			if out[i].date.m > out[i+1].date.m {
				out[i].date.y--
			}
			if out[i].end.d > 0 {
				out[i].end.y = out[i].date.y
			}
		}
	}
	return out
}

// parseWhen reads a date or date-time written as a value ("2016-08-18T19:00:00Z", "Wednesday,
// 2018-08-22", "January 14-19, 2026", "10/30/2021 12:45 PM PST"). Missing years come from ref.
// dateOnly reports that no time of day was written.
func parseWhen(s string, ref ymd, loc *time.Location) (t time.Time, dateOnly bool, ok bool) {
	s = strings.TrimSpace(cleanInline(s))
	if s == "" {
		return time.Time{}, false, false
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700 MST"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), false, true
		}
	}
	st, _, ok := scanStamp(s)
	if !ok || !st.hasDate {
		return time.Time{}, false, false
	}
	t, ok = st.at(ref, loc)
	return t, !st.hasClock, ok
}
