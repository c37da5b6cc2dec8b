package analysis

import (
	"slices"
	"testing"
	"time"
)

func TestParseQuarter(t *testing.T) {
	tests := []struct {
		in      string
		want    Quarter
		wantErr bool
	}{
		{"2026Q3", Quarter{2026, 3}, false},
		{"2026q1", Quarter{2026, 1}, false},
		{" 1999Q4 ", Quarter{1999, 4}, false},
		{"2026Q0", Quarter{}, true},
		{"2026Q5", Quarter{}, true},
		{"2026Q12", Quarter{}, true},
		{"26Q1", Quarter{}, true},
		{"2026-Q1", Quarter{}, true},
		{"2026", Quarter{}, true},
		{"", Quarter{}, true},
	}
	for _, tt := range tests {
		got, err := ParseQuarter(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("ParseQuarter(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestQuarterOf(t *testing.T) {
	plus2 := time.FixedZone("+02", 2*60*60)
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), "2026Q1"},
		{time.Date(2026, 3, 31, 23, 59, 59, 0, time.UTC), "2026Q1"},
		{time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), "2026Q2"},
		{time.Date(2026, 9, 30, 12, 0, 0, 0, time.UTC), "2026Q3"},
		{time.Date(2026, 12, 31, 23, 0, 0, 0, time.UTC), "2026Q4"},
		// 01:00 on 1 April at UTC+2 is still 31 March in UTC.
		{time.Date(2026, 4, 1, 1, 0, 0, 0, plus2), "2026Q1"},
	}
	for _, tt := range tests {
		if got := QuarterOf(tt.in).String(); got != tt.want {
			t.Errorf("QuarterOf(%v) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestQuarterRange(t *testing.T) {
	tests := []struct {
		q        Quarter
		from, to string
	}{
		{Quarter{2026, 1}, "2026-01-01", "2026-04-01"},
		{Quarter{2026, 3}, "2026-07-01", "2026-10-01"},
		{Quarter{2026, 4}, "2026-10-01", "2027-01-01"},
	}
	for _, tt := range tests {
		from, to := tt.q.Range()
		if got, want := from.Format(time.DateOnly)+" "+to.Format(time.DateOnly), tt.from+" "+tt.to; got != want {
			t.Errorf("%v.Range() = %v; want %v", tt.q, got, want)
		}
		if from.Location() != time.UTC || to.Location() != time.UTC {
			t.Errorf("%v.Range() = %v, %v; want UTC times", tt.q, from, to)
		}
	}
}

func TestQuartersBetween(t *testing.T) {
	tests := []struct {
		first, last Quarter
		want        []string
	}{
		{Quarter{2025, 3}, Quarter{2026, 2}, []string{"2025Q3", "2025Q4", "2026Q1", "2026Q2"}},
		{Quarter{2026, 2}, Quarter{2026, 2}, []string{"2026Q2"}},
		{Quarter{2026, 2}, Quarter{2026, 1}, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, q := range QuartersBetween(tt.first, tt.last) {
			got = append(got, q.String())
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("QuartersBetween(%v, %v) = %v; want %v", tt.first, tt.last, got, tt.want)
		}
	}
}
