package ingest

import (
	"testing"
	"time"
)

func TestScanStamp(t *testing.T) {
	ref := ymd{2021, 10, 30}
	tests := []struct {
		in   string
		want string // RFC 3339 in UTC, "" when the stamp has no full date and time
		rest string
		ok   bool
	}{
		{"2020-01-21 15:36 | x", "2020-01-21T15:36:00Z", "x", true},
		{"12:45 PM PST Saturday Oct 30th: First wave", "2021-10-30T20:45:00Z", "First wave", true},
		{"13:55 PM PST Saturday Oct 30th : alarms fire", "2021-10-30T21:55:00Z", "alarms fire", true},
		{"23:00 AM MST Saturday Oct 30th: empty", "2021-10-31T06:00:00Z", "empty", true},
		{"16:58 UTC - Writer saturates", "2021-10-30T16:58:00Z", "Writer saturates", true},
		{"22:30 UTC (Oct 29) - Incident reported", "2021-10-29T22:30:00Z", "Incident reported", true},
		{"Jan 14, 10:18 AM", "2022-01-14T10:18:00Z", "", true},
		{"July 11, 2025, 12:42 PM", "2025-07-11T12:42:00Z", "", true},
		{"~9:00 AM: The laptop was reset", "2021-10-30T09:00:00Z", "The laptop was reset", true},
		{"10:51: PR merged", "2021-10-30T10:51:00Z", "PR merged", true},
		{"2019-03-11 ~08:15 Sam notices", "2019-03-11T08:15:00Z", "Sam notices", true},
		{"2018-08-22, 03:26pm: first noticed", "2018-08-22T15:26:00Z", "first noticed", true},
		{"10/20/2022 - 15:38 CST - a user converted", "2022-10-20T21:38:00Z", "a user converted", true},
		{"09:15:04 UTC an edit was made", "2021-10-30T09:15:04Z", "an edit was made", true},
		{"02-26-2024 - beta testers reported", "2024-02-26T00:00:00Z", "beta testers reported", true},
		{"10:00 CET standup", "2021-10-30T09:00:00Z", "standup", true},
		{"11:00 UTC+1 failover", "2021-10-30T10:00:00Z", "failover", true},
		{"1.2.11 was released", "", "1.2.11 was released", false},
		{"1st wave: 1071900", "", "1st wave: 1071900", false},
		{"2 engineers joined", "", "2 engineers joined", false},
		{"20202-01-16 12:00 typo", "", "20202-01-16 12:00 typo", false},
	}
	for _, tt := range tests {
		st, rest, ok := scanStamp(tt.in)
		if ok != tt.ok || rest != tt.rest {
			t.Errorf("scanStamp(%q) = ok %v, rest %q; want ok %v, rest %q", tt.in, ok, rest, tt.ok, tt.rest)
			continue
		}
		if !ok {
			continue
		}
		at, _ := st.at(ref.withYearFor(st), nil)
		if got := at.Format(time.RFC3339); got != tt.want {
			t.Errorf("scanStamp(%q) at %s; want %s", tt.in, got, tt.want)
		}
	}
}

// withYearFor gives stamps without a year in TestScanStamp the year 2022 for January dates, as a
// timeline running from October into January would.
func (d ymd) withYearFor(st stamp) ymd {
	if st.hasDate && st.date.y == 0 && st.date.m == 1 {
		return ymd{2022, 1, 1}
	}
	return d
}

func TestFindDates(t *testing.T) {
	tests := []struct {
		in   string
		want []ymd
	}{
		{"Timeline (all times PST) Saturday Oct 30th 2021 - Monday Nov 1st, 2021.", []ymd{{2021, 10, 30}, {2021, 11, 1}}},
		{"Timeline (PST) 4/21/23-4/25/23. All times approximations", []ymd{{2023, 4, 21}, {2023, 4, 25}}},
		{"Incident report August 12 2025 - hub outage", []ymd{{2025, 8, 12}}},
		{"Website Outage 5-26-21", []ymd{{2021, 5, 26}}},
		{"On 28th February, flags went down", []ymd{{0, 2, 28}}},
		{"released 1.2.11 at 10:30", nil},
	}
	for _, tt := range tests {
		var got []ymd
		for _, f := range findDates(tt.in) {
			got = append(got, f.date)
		}
		if len(got) != len(tt.want) {
			t.Errorf("findDates(%q) = %v; want %v", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("findDates(%q) = %v; want %v", tt.in, got, tt.want)
				break
			}
		}
	}
}

func TestFindZone(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Timeline (all times PST) 10/30/2021 - 10/31/2021", "PST"},
		{"All times in CET.", "CET"},
		{"Timeline (times in BST)", "BST"},
		{"All times UTC.", "UTC"},
		{"_All times in EEST_", "EEST"},
		{"All times in UTC+1", "UTC+1"},
		{"Timeline (all times approximate)", ""},
		{"All at once", ""},
	}
	for _, tt := range tests {
		got := ""
		if loc := findZone(tt.in); loc != nil {
			got = loc.String()
		}
		if got != tt.want {
			t.Errorf("findZone(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
	if loc := findZone("(all times in Pacific Time)"); loc == nil {
		t.Errorf("findZone(%q) = nil; want America/Los_Angeles", "(all times in Pacific Time)")
	} else if _, off := time.Date(2024, 7, 1, 12, 0, 0, 0, loc).Zone(); off != -7*3600 {
		t.Errorf("Pacific Time in July has offset %d; want %d", off, -7*3600)
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"54 minutes", 54 * time.Minute, true},
		{"19 hours 43 minutes.", 19*time.Hour + 43*time.Minute, true},
		{"11 Days", 11 * 24 * time.Hour, true},
		{"2h52m", 2*time.Hour + 52*time.Minute, true},
		{"36m", 36 * time.Minute, true},
		{"11:00", 11 * time.Hour, true},
		{"5 hours 26 minutes (10:45 - 16:11 UTC)", 5*time.Hour + 26*time.Minute, true},
		{"?", 0, false},
		{"N/A", 0, false},
		{"YYY", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseDuration(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseDuration(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
