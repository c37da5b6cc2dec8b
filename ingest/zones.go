package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // region zones such as "PT" need the zone database
)

// Time zones are read with fixed offsets for abbreviations ("PST", "CET", "UTC+1") and from the
// zone database for region names ("PT", "Pacific Time"); tzdata is embedded so that the latter
// work on systems without it.

var reOffset = regexp.MustCompile(`(?i)^(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?`)

var reBareOff = regexp.MustCompile(`^([+-])(\d{2}):?(\d{2})`)

// fixedZones are zone abbreviations read with a fixed offset from UTC, in seconds. An
// abbreviation means what it says: "PST" is UTC-8 even in summer.
var fixedZones = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "WET": 0,
	"PST": -8 * 3600, "PDT": -7 * 3600, "MST": -7 * 3600, "MDT": -6 * 3600,
	"CST": -6 * 3600, "CDT": -5 * 3600, "EST": -5 * 3600, "EDT": -4 * 3600,
	"AKST": -9 * 3600, "AKDT": -8 * 3600, "HST": -10 * 3600, "BRT": -3 * 3600,
	"BST": 3600, "CET": 3600, "WEST": 3600, "CEST": 2 * 3600, "EET": 2 * 3600, "EEST": 3 * 3600,
	"MSK": 3 * 3600, "IST": 5*3600 + 1800, "ICT": 7 * 3600, "SGT": 8 * 3600, "HKT": 8 * 3600,
	"JST": 9 * 3600, "KST": 9 * 3600, "AEST": 10 * 3600, "AEDT": 11 * 3600,
	"NZST": 12 * 3600, "NZDT": 13 * 3600,
}

// regionZones are names of a region's civil time, which follows daylight saving.
var regionZones = map[string]string{
	"PT": "America/Los_Angeles", "PACIFIC TIME": "America/Los_Angeles", "PACIFIC": "America/Los_Angeles",
	"ET": "America/New_York", "EASTERN TIME": "America/New_York", "EASTERN": "America/New_York",
	"CT": "America/Chicago", "CENTRAL TIME": "America/Chicago",
	"MT": "America/Denver", "MOUNTAIN TIME": "America/Denver",
}

var reZoneWord = regexp.MustCompile(`(?i)^(pacific time|eastern time|central time|mountain time|pacific|eastern|[a-z]{1,4})(?:[^a-z0-9]|$)`)

// zoneAt reads a time zone at the start of s. Abbreviations other than UTC and GMT must be upper
// case, so that ordinary words ("at", "et") are not read as zones.
func zoneAt(s string, afterClock bool) (*time.Location, int) {
	// A zone is a word (ASCII, or a rune the case-insensitive patterns fold to ASCII), or an
	// offset after a clock ("+0200").
	if s == "" || !isLetter(s[0]) && s[0] < 0x80 && !(afterClock && (s[0] == '+' || s[0] == '-')) {
		return nil, 0
	}
	if m := reOffset.FindStringSubmatch(s); m != nil {
		return offsetZone(m[1], m[2], m[3]), len(m[0])
	}
	if afterClock {
		if m := reBareOff.FindStringSubmatch(s); m != nil {
			return offsetZone(m[1], m[2], m[3]), len(m[0])
		}
	}
	sub := reZoneWord.FindStringSubmatch(s)
	if sub == nil {
		return nil, 0
	}
	m := sub[1]
	up := strings.ToUpper(m)
	if up != "UTC" && up != "GMT" && !strings.Contains(m, " ") && m != up {
		return nil, 0
	}
	if up == "Z" && !afterClock {
		return nil, 0
	}
	if off, ok := fixedZones[up]; ok {
		return time.FixedZone(up, off), len(m)
	}
	if name, ok := regionZones[up]; ok {
		if loc := regionZone(name); loc != nil {
			return loc, len(m)
		}
	}
	return nil, 0
}

// regionLocations caches the locations of regionZones: loading one from the zone database
// reads and decodes it each time.
var regionLocations sync.Map // name → *time.Location, nil when it cannot be loaded

// regionZone returns the location of a zone database name, or nil.
func regionZone(name string) *time.Location {
	if loc, ok := regionLocations.Load(name); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		loc = nil
	}
	regionLocations.Store(name, loc)
	return loc
}

func offsetZone(sign, hours, minutes string) *time.Location {
	h, _ := strconv.Atoi(hours)
	m, _ := strconv.Atoi(minutes)
	off := h*3600 + m*60
	if sign == "-" {
		off = -off
	}
	name := "UTC" + sign + hours
	if minutes != "" {
		name += ":" + minutes
	}
	return time.FixedZone(name, off)
}

// findZone returns the first time zone named in free text such as "Timeline (all times PST)" or
// "All times in CET.", or nil.
func findZone(s string) *time.Location {
	for i := 0; i < len(s); i++ {
		if i > 0 && !boundaryAt(s, i-1) || boundaryAt(s, i) {
			continue
		}
		if loc, n := zoneAt(s[i:], false); loc != nil && boundaryAt(s, i+n) {
			return loc
		}
	}
	return nil
}
