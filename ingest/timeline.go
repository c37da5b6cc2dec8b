package ingest

import (
	"regexp"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// Timelines come as tables (Time | Event), bullets ("- **16:58 UTC** - text"), lines
// ("10:51: text"), sub-headings ("### 5:00 PM" over the event), or day headings ("## May 12")
// over time headings. The zone may be in the heading ("Timeline (all times PST) 10/30/2021 -
// 10/31/2021"), in a line under it ("All times in CET."), in a column header ("Time (UTC)") or
// on the entry. Entries without a date take the last date seen, else the heading's first date,
// else the review's date; a time that goes back more than rolloverSlack is read as the next day.
// Entries whose time cannot be read keep a nil At.

const rolloverSlack = 4 * time.Hour

var reYear = regexp.MustCompile(`\b(19|20)\d{2}\b`)

// timelineReader carries the reading state through one timeline.
type timelineReader struct {
	day     ymd
	loc     *time.Location
	last    *time.Time
	started bool // a timed entry has been read; untimed paragraphs after it are entries
	out     []metamortem.TimelineEvent
}

// parseTimeline reads the events of a timeline section and the sections under it. ref is the
// review's date for entries that have only a time; loc the zone when the timeline names none.
func parseTimeline(sec *section, ref ymd, loc *time.Location) []metamortem.TimelineEvent {
	r := &timelineReader{day: ref, loc: loc}
	if z := findZone(sec.title); z != nil {
		r.loc = z
	}
	if ds := findDates(sec.title); len(ds) > 0 && ds[0].date.y != 0 {
		r.day = ds[0].date
	}
	r.readBody(sec.blocks())
	for _, c := range sec.children {
		r.readSection(c)
	}
	return r.out
}

func (r *timelineReader) readSection(s *section) {
	st, rest, ok := scanStamp(s.title)
	switch {
	case ok && st.hasClock:
		r.headingEntry(st, rest, s.blocks())
	case ok:
		r.setDay(st)
		r.readBody(s.blocks())
	default:
		saved := r.loc
		if z := findZone(s.title); z != nil {
			r.loc = z
		}
		r.readBody(s.blocks())
		for _, c := range s.children {
			r.readSection(c)
		}
		r.loc = saved
		return
	}
	for _, c := range s.children {
		r.readSection(c)
	}
}

// setDay makes a date-only stamp the current day.
func (r *timelineReader) setDay(st stamp) {
	if d := st.date.withYear(r.day); d.y != 0 {
		r.day = d
		r.last = nil
	}
}

// when resolves a stamp to an instant; explicit means it carried its own date.
func (r *timelineReader) when(st stamp, loc *time.Location) *time.Time {
	if loc == nil {
		loc = r.loc
	}
	if st.hasDate {
		r.setDay(st)
	}
	t, ok := st.at(r.day, loc)
	if !ok {
		return nil
	}
	if !st.hasDate && r.last != nil && t.Before(r.last.Add(-rolloverSlack)) {
		t = t.Add(24 * time.Hour)
		next := r.day.time().AddDate(0, 0, 1)
		r.day = ymd{next.Year(), int(next.Month()), next.Day()}
	}
	if st.hasClock {
		r.last = &t
	}
	r.started = true
	return &t
}

func (r *timelineReader) add(at *time.Time, text, actor string) {
	text = cleanInline(text)
	if text == "" {
		return
	}
	r.out = append(r.out, metamortem.TimelineEvent{At: at, Text: text, Actor: actor})
}

// headingEntry reads "### 5:00 PM" and the text under it: one event per list item, else one
// event for the text.
func (r *timelineReader) headingEntry(st stamp, rest string, blocks []block) {
	at := r.when(st, nil)
	var items, paras []string
	for _, b := range blocks {
		switch b.kind {
		case blockItem:
			items = append(items, b.text)
		case blockPara, blockQuote:
			paras = append(paras, strings.ReplaceAll(b.text, "\n", " "))
		}
	}
	if rest != "" {
		paras = append([]string{rest}, paras...)
	}
	if len(items) > 0 && len(paras) <= 1 {
		if len(paras) == 1 {
			r.add(at, paras[0], "")
		}
		for _, it := range items {
			r.add(at, it, "")
		}
		return
	}
	r.add(at, strings.Join(append(paras, items...), " "), "")
}

func (r *timelineReader) readBody(blocks []block) {
	for _, b := range blocks {
		switch b.kind {
		case blockTable:
			r.readTable(b)
		case blockItem:
			r.readLines(b.text, true, b.depth)
		case blockPara:
			r.readLines(b.text, false, 0)
		case blockQuote:
			if !r.started {
				if z := findZone(b.text); z != nil {
					r.loc = z
				}
			}
		}
	}
}

// readLines reads a paragraph or list item: each line that starts with a stamp starts an event,
// other lines continue the previous one. A paragraph without any stamp before the first timed
// event is an introduction; it may name the zone.
func (r *timelineReader) readLines(text string, item bool, depth int) {
	lines := strings.Split(text, "\n")
	var cur *metamortem.TimelineEvent
	var buf []string
	flush := func() {
		if cur != nil {
			r.add(cur.At, strings.Join(buf, " "), "")
		}
		cur, buf = nil, nil
	}
	for i, ln := range lines {
		plain := strings.TrimLeft(cleanInline(ln), "-_*•→ ")
		st, rest, ok := scanStamp(plain)
		if ok {
			if !st.hasClock && rest == "" {
				flush()
				r.setDay(st)
				continue
			}
			flush()
			cur = &metamortem.TimelineEvent{At: r.when(st, nil)}
			buf = []string{rest}
			continue
		}
		if _, _, _, isKV := parseKV(ln, false); isKV {
			// "**Total impact duration:** ..." under a timeline is metadata, not an event.
			flush()
			continue
		}
		if cur != nil {
			buf = append(buf, ln)
			continue
		}
		if i == 0 {
			if !item && !r.started {
				if z := findZone(plain); z != nil {
					r.loc = z
				}
				return
			}
			if item && depth > 0 && len(r.out) > 0 && r.out[len(r.out)-1].At != nil {
				// A nested bullet elaborates the timed event above it.
				last := &r.out[len(r.out)-1]
				last.Text = cleanInline(last.Text + " " + text)
				return
			}
			cur = &metamortem.TimelineEvent{}
			buf = []string{ln}
		}
	}
	flush()
}

// readTable reads a timeline table: a time column (or separate date and time columns), an
// event column and, when there is one, an actor column.
func (r *timelineReader) readTable(b block) {
	rows := b.rows
	if len(rows) == 0 {
		return
	}
	timeCol, dateCol, eventCol, actorCol := 0, -1, -1, -1
	loc := r.loc
	if b.head {
		h := rows[0]
		rows = rows[1:]
		timeCol = columnFor(h, "time", "date and time", "date/time", "datetime", "timestamp", "when", "time and date", "date time")
		dateCol = columnFor(h, "date", "day")
		if timeCol < 0 {
			timeCol, dateCol = dateCol, -1
		}
		if dateCol == timeCol {
			dateCol = -1
		}
		if timeCol >= 0 {
			if z := findZone(h[timeCol]); z != nil {
				loc = z
			}
		}
		for _, c := range []int{timeCol, dateCol} {
			// "Date (2022)": the year of dates written without one.
			if c >= 0 {
				if y := reYear.FindString(h[c]); y != "" && r.day.y != fullYear(y) {
					r.day = ymd{fullYear(y), 1, 1}
				}
			}
		}
		eventCol = columnFor(h, "event", "events", "description", "what happened", "what", "action", "details",
			"update", "activity", "action/ impact", "action/impact", "notes", "summary", "message", "impact")
		actorCol = columnFor(h, "who", "actor", "by", "owner", "person", "responder", "who/what")
		if timeCol < 0 {
			timeCol = 0
		}
	}
	if len(rows) == 0 {
		return
	}
	if eventCol < 0 || eventCol == timeCol {
		eventCol = len(rows[0]) - 1
		for _, row := range rows {
			eventCol = max(eventCol, len(row)-1)
		}
		if eventCol == timeCol {
			eventCol = -1
		}
	}
	for _, row := range rows {
		text := cell(row, eventCol)
		stampText := cleanInline(cell(row, timeCol))
		if dateCol >= 0 {
			stampText = cleanInline(cell(row, dateCol)) + " " + stampText
		}
		if strings.TrimSpace(cleanInline(text)) == "" {
			continue
		}
		var at *time.Time
		if st, rest, ok := scanStamp(stampText); ok {
			at = r.when(st, loc)
			if rest != "" && at == nil {
				text = rest + " " + text
			}
		}
		actor := ""
		if actorCol >= 0 && actorCol != eventCol {
			if names := splitNames(cell(row, actorCol)); len(names) > 0 {
				actor = strings.Join(names, ", ")
			}
		}
		r.add(at, text, actor)
	}
}
