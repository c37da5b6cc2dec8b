package ingest

import (
	"regexp"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// A review's milestones (started, detected, mitigated, resolved, reviewed) are taken from what the
// document states, strongest first: front matter, metadata keys with a time of day, a written
// range ("Duration: 21:45 to 23:28 UTC"), the timeline (its first entry, entries about alerts or
// recovery, its last entry), durations added to the start ("Time to detection: 54 minutes"), and
// last dates without a time. Nothing is filled in when the document does not say.

var (
	reDetectWords  = regexp.MustCompile(`(?i)\b(alert(?:s|ed|ing)?|alarms?|detect(?:s|ed|ion)?|notic(?:e|ed|es)|report(?:s|ed)?|paged|pages|notified|became aware|aware of|discover(?:ed|s)?|observ(?:e|ed|es)|flagged|spotted|declared|reached out|complain(?:s|ed)?|escalat(?:ed|es))\b`)
	reMitigateWord = regexp.MustCompile(`(?i)\b(mitigat\w*|workaround|stabili[sz]\w*|rolled back|reverted|failed over|partial(?:ly)? recover\w*)\b`)
	reResolveWords = regexp.MustCompile(`(?i)\b(resolved|recovered|restored|fully operational|back to normal|returned to normal|all clear|issue (?:is )?(?:fixed|closed)|incident (?:is )?(?:closed|over|ended)|fixed|service (?:is )?back)\b`)
	reNegation     = regexp.MustCompile(`(?i)\b(not|no longer|n't|fail(?:s|ed|ing)?|unsuccessful|attempt(?:s|ed)?|tries|trying|still|remain(?:s|ed)?|persist\w*|partially|partial)\b|n't\b`)
	reDiagnosis    = regexp.MustCompile(`(?i)\broot[- ]cause|\bcause (?:was|is) (?:found|identified|discovered)`)
	reRange        = regexp.MustCompile(`(?i)^(.+?)\s+(?:to|until|till|-|–|—)\s+(.+)$`)
)

// when is a moment a review states, and whether only its date was written.
type when struct {
	t        time.Time
	dateOnly bool
}

func (w *when) ptr() *time.Time {
	if w == nil {
		return nil
	}
	t := w.t
	return &t
}

// milestoneInput is what milestones are derived from.
type milestoneInput struct {
	fm       frontMatter
	kvs      []keyValue
	timeline []metamortem.TimelineEvent
	ref      ymd            // the review's date, for values without a year
	loc      *time.Location // zone for values that name none
	fallback []ymd          // dates from the title, summary or file name, best first
}

// milestones fills the review's times.
func milestones(in milestoneInput, r *metamortem.Review) {
	value := func(field string, fmKeys ...string) *when {
		if v := in.fm.scalar(fmKeys...); v != "" {
			if t, dateOnly, ok := parseWhen(v, in.ref, in.loc); ok {
				return &when{t, dateOnly}
			}
		}
		var dated *when
		for _, kv := range in.kvs {
			if kv.field != field {
				continue
			}
			if t, dateOnly, ok := parseWhen(kv.value, in.ref, in.loc); ok {
				if !dateOnly {
					return &when{t, false}
				}
				if dated == nil {
					dated = &when{t, true}
				}
			}
		}
		return dated
	}
	duration := func(field string) (time.Duration, bool) {
		for _, kv := range in.kvs {
			if kv.field == field {
				if d, ok := parseDuration(kv.value); ok {
					return d, true
				}
			}
		}
		return 0, false
	}
	start := value("start", "start_time", "started", "started_at", "start", "incident_start", "began")
	if start == nil {
		start = value("date", "date", "incident_date")
	}
	end := value("end", "end_time", "ended", "ended_at", "end", "resolved", "resolved_at", "resolved_time")
	rangeStart, rangeEnd := durationRange(in)
	var first *time.Time
	for _, e := range in.timeline {
		if e.At != nil {
			first = e.At
			break
		}
	}
	switch {
	case start != nil && !start.dateOnly:
	case rangeStart != nil && (start == nil || sameDay(start.t, *rangeStart)):
		start = &when{t: *rangeStart}
	case first != nil && (start == nil || sameDay(start.t, *first)):
		start = &when{t: *first}
	case start == nil:
		for _, d := range in.fallback {
			if d.y != 0 && d.valid() {
				start = &when{t: d.time(), dateOnly: true}
				break
			}
		}
	}
	r.StartedAt = start.ptr()

	// Timeline entries count from the start, or from the first entry when the start is later
	// (an alert that fired before the impact began).
	var from time.Time
	if start != nil {
		from = start.t
		if first != nil && first.Before(from) {
			from = *first
		}
	}
	after := func(re *regexp.Regexp, negate bool, not time.Time) *time.Time {
		for _, e := range in.timeline {
			if e.At == nil || e.At.Before(from) || e.At.Before(not) || !re.MatchString(e.Text) ||
				negate && reNegation.MatchString(e.Text) || re == reDetectWords && reDiagnosis.MatchString(e.Text) {
				continue
			}
			return e.At
		}
		return nil
	}
	plus := func(base *time.Time, field string) *time.Time {
		if base == nil || start != nil && start.dateOnly && base.Equal(start.t) {
			return nil
		}
		if d, ok := duration(field); ok {
			t := base.Add(d)
			return &t
		}
		return nil
	}

	// A duration the document states wins over keywords when an entry of the timeline falls at
	// the moment it gives; otherwise keywords in the timeline come first and the duration last.
	atEntry := func(t *time.Time) *time.Time {
		for _, e := range in.timeline {
			if t != nil && e.At != nil && e.At.Sub(*t).Abs() <= time.Minute {
				return e.At
			}
		}
		return nil
	}
	firstOf := func(ok func(*time.Time) bool, candidates ...*time.Time) *time.Time {
		for _, t := range candidates {
			if t != nil && ok(t) {
				return t
			}
		}
		return nil
	}
	any := func(*time.Time) bool { return true }

	if d := value("detected", "detected", "detected_at", "detection_time"); d != nil {
		r.DetectedAt = d.ptr()
	} else {
		byDuration := plus(r.StartedAt, "ttd")
		r.DetectedAt = firstOf(any, atEntry(byDuration), after(reDetectWords, false, time.Time{}), byDuration)
	}

	// The resolution comes after the start and the detection.
	var floor time.Time
	for _, t := range []*time.Time{r.StartedAt, r.DetectedAt} {
		if t != nil && t.After(floor) {
			floor = *t
		}
	}
	notBefore := func(t *time.Time) bool {
		return !t.Before(floor) && (r.StartedAt == nil || t.After(*r.StartedAt))
	}
	switch {
	case end != nil && !end.dateOnly:
		r.ResolvedAt = end.ptr()
	case rangeEnd != nil:
		r.ResolvedAt = rangeEnd
	default:
		byTTR, byMTTR := plus(r.StartedAt, "ttr"), mttrEnd(r, plus)
		r.ResolvedAt = firstOf(notBefore, atEntry(byTTR), atEntry(byMTTR), after(reResolveWords, true, floor),
			byTTR, byMTTR, plus(r.StartedAt, "duration"), lastTimed(in.timeline))
		if r.ResolvedAt == nil && end != nil {
			r.ResolvedAt = end.ptr()
		}
	}

	// The mitigation falls between the start and the resolution.
	if m := value("mitigated", "mitigated", "mitigated_at", "mitigation_time"); m != nil {
		r.MitigatedAt = m.ptr()
	} else {
		inRange := func(t *time.Time) bool { return r.ResolvedAt == nil || !t.After(*r.ResolvedAt) }
		r.MitigatedAt = firstOf(inRange, after(reMitigateWord, true, time.Time{}), plus(r.StartedAt, "ttm"))
	}
	if rv := value("reviewed", "reviewed", "reviewed_at", "review_date", "postmortem_date", "review"); rv != nil {
		r.ReviewedAt = rv.ptr()
	}
}

// mttrEnd reads "MTTR" the way reviews that pair it with "MTTD" use it: measured from detection.
func mttrEnd(r *metamortem.Review, plus func(*time.Time, string) *time.Time) *time.Time {
	base := r.StartedAt
	if r.DetectedAt != nil {
		base = r.DetectedAt
	}
	return plus(base, "mttr")
}

func lastTimed(events []metamortem.TimelineEvent) *time.Time {
	var last *time.Time
	for _, e := range events {
		if e.At != nil && (last == nil || e.At.After(*last)) {
			last = e.At
		}
	}
	return last
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// durationRange reads a written range such as "Duration: 21:45 to 23:28 UTC (103 minutes)",
// "5 hours 26 minutes (10:45 - 16:11 UTC)" or "22:30 UTC on October 29 to 05:39 UTC on
// October 30".
func durationRange(in milestoneInput) (*time.Time, *time.Time) {
	for _, kv := range in.kvs {
		if kv.field != "duration" {
			continue
		}
		v := cleanInline(kv.value)
		candidates := []string{v}
		if i := strings.IndexByte(v, '('); i >= 0 {
			if j := strings.IndexByte(v[i:], ')'); j > 0 {
				candidates = append(candidates, v[i+1:i+j])
			}
			candidates[0] = strings.TrimSpace(v[:i])
		}
		for _, c := range candidates {
			m := reRange.FindStringSubmatch(c)
			if m == nil {
				continue
			}
			a, restA, okA := scanStamp(m[1])
			b, restB, okB := scanStamp(m[2])
			if !okA || !okB || !a.hasClock || !b.hasClock || restA != "" && !isFiller(restA) || restB != "" && !isFiller(restB) {
				continue
			}
			if a.loc == nil {
				a.loc = b.loc
			}
			ta, ok1 := a.at(in.ref, in.loc)
			day := in.ref
			if a.hasDate {
				day = a.date.withYear(in.ref)
			}
			tb, ok2 := b.at(day, in.loc)
			if !ok1 || !ok2 {
				continue
			}
			if tb.Before(ta) && !b.hasDate {
				tb = tb.Add(24 * time.Hour)
			}
			return &ta, &tb
		}
	}
	return nil, nil
}

func isFiller(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "" || s == "utc" || strings.HasPrefix(s, "on ")
}
