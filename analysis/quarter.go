package analysis

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Quarter is a calendar quarter of a year, such as the third quarter of 2026, written 2026Q3.
// Quarters are counted in UTC.
type Quarter struct {
	Year int
	// Q is the quarter's number, 1 to 4.
	Q int
}

// QuarterOf returns the quarter that holds t's UTC date.
func QuarterOf(t time.Time) Quarter {
	t = t.UTC()
	return Quarter{Year: t.Year(), Q: (int(t.Month())-1)/3 + 1}
}

// ParseQuarter reads a quarter written as year, the letter Q and the quarter's number: "2026Q3"
// (the Q may be lower case).
func ParseQuarter(s string) (Quarter, error) {
	year, num, ok := strings.Cut(strings.ToUpper(strings.TrimSpace(s)), "Q")
	if !ok {
		return Quarter{}, fmt.Errorf("quarter %q is not written like 2026Q3", s)
	}
	y, err := strconv.Atoi(year)
	if err != nil || len(year) != 4 {
		return Quarter{}, fmt.Errorf("quarter %q has no four-digit year", s)
	}
	q, err := strconv.Atoi(num)
	if err != nil || len(num) != 1 || q < 1 || q > 4 {
		return Quarter{}, fmt.Errorf("quarter %q is not numbered 1 to 4", s)
	}
	return Quarter{Year: y, Q: q}, nil
}

// String writes the quarter as "2026Q3".
func (q Quarter) String() string {
	return fmt.Sprintf("%04dQ%d", q.Year, q.Q)
}

// Start returns the first instant of the quarter, midnight UTC on its first day.
func (q Quarter) Start() time.Time {
	return time.Date(q.Year, time.Month(3*(q.Q-1)+1), 1, 0, 0, 0, 0, time.UTC)
}

// End returns the first instant after the quarter, which is the start of the next one.
func (q Quarter) End() time.Time {
	return q.Next().Start()
}

// Range returns the half-open interval [from, to) that the quarter covers.
func (q Quarter) Range() (from, to time.Time) {
	return q.Start(), q.End()
}

// Next returns the quarter after q.
func (q Quarter) Next() Quarter {
	if q.Q == 4 {
		return Quarter{Year: q.Year + 1, Q: 1}
	}
	return Quarter{Year: q.Year, Q: q.Q + 1}
}

// Before reports whether q comes before p.
func (q Quarter) Before(p Quarter) bool {
	return q.Year < p.Year || q.Year == p.Year && q.Q < p.Q
}

// QuartersBetween returns every quarter from first to last, both included, in order; it is empty
// when last comes before first.
func QuartersBetween(first, last Quarter) []Quarter {
	var qs []Quarter
	for q := first; !last.Before(q); q = q.Next() {
		qs = append(qs, q)
	}
	return qs
}
