package analysis

import (
	"time"

	"github.com/metamortem/metamortem"
)

// RecoveryStatus says whether a review's recovery time could be measured.
type RecoveryStatus int

// The reasons a recovery time is or is not known.
const (
	// RecoveryKnown: the review has a start and a mitigation or resolution after it.
	RecoveryKnown RecoveryStatus = iota
	// RecoveryNoTimes: the review lacks a start, or both a mitigation and a resolution time.
	RecoveryNoTimes
	// RecoveryNotPositive: the mitigation or resolution is at or before the start, which is a
	// mistake in the document or in reading it.
	RecoveryNotPositive
)

// RecoveryTime returns how long an incident took to recover from: from its start to its
// mitigation or, when no mitigation time is written, to its resolution. The duration is zero
// unless the status is RecoveryKnown.
func RecoveryTime(r metamortem.Review) (time.Duration, RecoveryStatus) {
	end := r.MitigatedAt
	if end == nil {
		end = r.ResolvedAt
	}
	if r.StartedAt == nil || end == nil {
		return 0, RecoveryNoTimes
	}
	d := end.Sub(*r.StartedAt)
	if d <= 0 {
		return 0, RecoveryNotPositive
	}
	return d, RecoveryKnown
}

// Recovery describes the recovery times of a set of reviews.
type Recovery struct {
	// Times describes the recovery times that could be measured.
	Times Distribution[time.Duration]
	// Histogram counts the measured times in the buckets of RecoveryBuckets, in that order.
	Histogram []Bucket
	// NoTimes counts reviews left out for lack of a start or of both a mitigation and a
	// resolution time.
	NoTimes int
	// NotPositive counts reviews left out because they recovered at or before they started.
	NotPositive int
}

// Bucket is one bar of a histogram of durations: the count of values at least Lo and below Hi.
// A Hi of zero means the bucket has no upper bound.
type Bucket struct {
	Label string
	Lo    time.Duration
	Hi    time.Duration
	Count int
}

// RecoveryBuckets are the empty buckets a recovery-time histogram sorts times into: under
// 15 minutes, 15 to 60 minutes, 1 to 4 hours, 4 to 24 hours, 1 to 3 days and over 3 days.
func RecoveryBuckets() []Bucket {
	const day = 24 * time.Hour
	return []Bucket{
		{Label: "< 15 min", Lo: 0, Hi: 15 * time.Minute},
		{Label: "15–60 min", Lo: 15 * time.Minute, Hi: time.Hour},
		{Label: "1–4 h", Lo: time.Hour, Hi: 4 * time.Hour},
		{Label: "4–24 h", Lo: 4 * time.Hour, Hi: day},
		{Label: "1–3 d", Lo: day, Hi: 3 * day},
		{Label: "> 3 d", Lo: 3 * day},
	}
}

// NewRecovery measures the recovery time of each review and describes them.
func NewRecovery(reviews []metamortem.Review) Recovery {
	rec := Recovery{Histogram: RecoveryBuckets()}
	var times []time.Duration
	for _, r := range reviews {
		d, status := RecoveryTime(r)
		switch status {
		case RecoveryNoTimes:
			rec.NoTimes++
		case RecoveryNotPositive:
			rec.NotPositive++
		case RecoveryKnown:
			times = append(times, d)
			for i, b := range rec.Histogram {
				if d >= b.Lo && (b.Hi == 0 || d < b.Hi) {
					rec.Histogram[i].Count++
					break
				}
			}
		}
	}
	rec.Times = NewDistribution(times)
	return rec
}
