package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

var reDurPart = regexp.MustCompile(`(?i)(\d+(?:\.\d+)?)\s*(weeks?|w|days?|d|hours?|hrs?|hr|h|minutes?|mins?|min|m|seconds?|secs?|sec|s)`)
var reDurClock = regexp.MustCompile(`^~?(\d{1,3}):(\d{2})(?::(\d{2}))?$`)

// parseDuration reads a written duration: "54 minutes", "19 hours 43 minutes.", "11 Days",
// "2h52m", or "HH:MM" ("11:00" is eleven hours). ok is false for "?", "N/A" and the like.
func parseDuration(s string) (time.Duration, bool) {
	s = strings.TrimSpace(cleanInline(s))
	if i := strings.IndexByte(s, '('); i > 0 {
		s = strings.TrimSpace(s[:i])
	}
	if m := reDurClock.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[1])
		mi, _ := strconv.Atoi(m[2])
		sec, _ := strconv.Atoi(m[3])
		return time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(sec)*time.Second, true
	}
	var total time.Duration
	found := false
	for _, idx := range reDurPart.FindAllStringSubmatchIndex(s, -1) {
		if end := idx[1]; end < len(s) && (s[end]|0x20 >= 'a' && s[end]|0x20 <= 'z') {
			continue // "5 members" is no duration
		}
		m := []string{s[idx[0]:idx[1]], s[idx[2]:idx[3]], s[idx[4]:idx[5]]}
		v, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			continue
		}
		unit := strings.ToLower(m[2])
		var d time.Duration
		switch {
		case unit[0] == 'w':
			d = 7 * 24 * time.Hour
		case unit[0] == 'd':
			d = 24 * time.Hour
		case unit[0] == 'h':
			d = time.Hour
		case strings.HasPrefix(unit, "m"):
			d = time.Minute
		default:
			d = time.Second
		}
		total += time.Duration(v * float64(d))
		found = true
	}
	return total, found && total > 0
}
