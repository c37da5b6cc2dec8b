package analysis

import (
	"testing"
	"time"

	"github.com/metamortem/metamortem"
)

var t0 = time.Date(2026, 2, 3, 10, 0, 0, 0, time.UTC)

func at(d time.Duration) *time.Time {
	t := t0.Add(d)
	return &t
}

func TestRecoveryTime(t *testing.T) {
	tests := []struct {
		name       string
		r          metamortem.Review
		want       time.Duration
		wantStatus RecoveryStatus
	}{
		{"mitigated", metamortem.Review{StartedAt: at(0), MitigatedAt: at(42 * time.Minute), ResolvedAt: at(5 * time.Hour)}, 42 * time.Minute, RecoveryKnown},
		{"resolved only", metamortem.Review{StartedAt: at(0), ResolvedAt: at(5 * time.Hour)}, 5 * time.Hour, RecoveryKnown},
		{"no end", metamortem.Review{StartedAt: at(0), DetectedAt: at(time.Minute)}, 0, RecoveryNoTimes},
		{"no start", metamortem.Review{MitigatedAt: at(time.Hour)}, 0, RecoveryNoTimes},
		{"zero", metamortem.Review{StartedAt: at(0), MitigatedAt: at(0)}, 0, RecoveryNotPositive},
		{"negative", metamortem.Review{StartedAt: at(0), MitigatedAt: at(-time.Hour), ResolvedAt: at(time.Hour)}, 0, RecoveryNotPositive},
	}
	for _, tt := range tests {
		got, status := RecoveryTime(tt.r)
		if got != tt.want || status != tt.wantStatus {
			t.Errorf("RecoveryTime(%s) = %v, %v; want %v, %v", tt.name, got, status, tt.want, tt.wantStatus)
		}
	}
}

func TestNewRecovery(t *testing.T) {
	m, h, day := time.Minute, time.Hour, 24*time.Hour
	var reviews []metamortem.Review
	for _, d := range []time.Duration{
		15*m - time.Second, 5 * m, // < 15 min
		15 * m,             // 15–60 min
		h, 4*h - 1, 90 * m, // 1–4 h
		4 * h,          // 4–24 h
		day, 3*day - 1, // 1–3 d
		3 * day, 10 * day, // > 3 d
	} {
		reviews = append(reviews, metamortem.Review{StartedAt: at(0), MitigatedAt: at(d)})
	}
	reviews = append(reviews,
		metamortem.Review{StartedAt: at(0)},
		metamortem.Review{StartedAt: at(0), ResolvedAt: at(-m)},
		metamortem.Review{StartedAt: at(0), MitigatedAt: at(0)},
	)
	got := NewRecovery(reviews)

	wantCounts := []int{2, 1, 3, 1, 2, 2}
	if len(got.Histogram) != len(wantCounts) {
		t.Fatalf("NewRecovery: %d buckets; want %d", len(got.Histogram), len(wantCounts))
	}
	for i, b := range got.Histogram {
		if b.Count != wantCounts[i] {
			t.Errorf("NewRecovery: bucket %q has %d; want %d", b.Label, b.Count, wantCounts[i])
		}
	}
	if got.NoTimes != 1 || got.NotPositive != 2 {
		t.Errorf("NewRecovery: NoTimes, NotPositive = %d, %d; want 1, 2", got.NoTimes, got.NotPositive)
	}
	// Sorted: 5m, 14m59s, 15m, 1h, 90m, 4h-1ns, 4h, 1d, 3d-1ns, 3d, 10d (n=11).
	// Median k=6 (5.5), p75 k=9 (8.25), p90 k=10 (9.9).
	want := Distribution[time.Duration]{N: 11, Median: 4*h - 1, P75: 3*day - 1, P90: 3 * day, Min: 5 * m, Max: 10 * day}
	if got.Times != want {
		t.Errorf("NewRecovery: Times = %+v; want %+v", got.Times, want)
	}
}
