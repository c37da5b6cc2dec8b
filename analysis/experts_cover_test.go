package analysis

import (
	"testing"
)

func bitSets(n int, members ...[]int) []incidentSet {
	out := make([]incidentSet, len(members))
	for i, m := range members {
		out[i] = newIncidentSet(n)
		for _, x := range m {
			out[i].add(x)
		}
	}
	return out
}

func TestBusFactor(t *testing.T) {
	evens, odds := []int{}, []int{}
	for i := range 70 {
		if i%2 == 0 {
			evens = append(evens, i)
		} else {
			odds = append(odds, i)
		}
	}
	tests := []struct {
		name     string
		sets     []incidentSet
		n        int
		num, den int
		want     int
	}{
		{"nobody", nil, 4, 1, 2, 0},
		{"no incidents", bitSets(0), 0, 1, 2, 0},
		{"one person half", bitSets(4, []int{0, 1}), 4, 1, 2, 1},
		{"everyone short of 80%", bitSets(5, []int{0}, []int{1}, []int{2}), 5, 4, 5, 0},
		{"80% of 5 is 4", bitSets(5, []int{0, 1, 2}, []int{3}, []int{4}), 5, 4, 5, 2},
		// Greedy takes A (4 incidents), then needs B and C; B and C alone cover all six.
		{"exact beats greedy", bitSets(6, []int{0, 1, 2, 3}, []int{0, 1, 4}, []int{2, 3, 5}), 6, 1, 1, 2},
		{"more than 64 incidents, half", bitSets(70, evens, odds), 70, 1, 2, 1},
		{"more than 64 incidents, 80%", bitSets(70, evens, odds), 70, 4, 5, 2},
	}
	for _, tt := range tests {
		got, exact := busFactor(tt.sets, tt.n, tt.num, tt.den)
		if got != tt.want || !exact {
			t.Errorf("busFactor(%s, %d/%d) = %d, exact %v; want %d, exact", tt.name, tt.num, tt.den, got, exact, tt.want)
		}
	}
}

func TestGreedyCover(t *testing.T) {
	s := bitSets(6, []int{0, 1, 2, 3}, []int{0, 1, 4}, []int{2, 3, 5})
	if got := greedyCover(s, []int{0, 1, 2}, 6, newIncidentSet(6)); got != 3 {
		t.Errorf("greedyCover(A, B, C; all 6) = %d; want 3", got)
	}
}

// Past the budget busFactor answers greedily and says so. Thirty people share incidents 0 and 1;
// ten others have two incidents of their own each. Half of 40 needs ten people, and the groups
// of ten tried first are all made of the thirty, which cover only two incidents.
func TestBusFactorGreedy(t *testing.T) {
	var members [][]int
	for range 30 {
		members = append(members, []int{0, 1})
	}
	for j := range 10 {
		members = append(members, []int{2 + 2*j, 3 + 2*j})
	}
	got, exact := busFactor(bitSets(40, members...), 40, 1, 2)
	if got != 10 || exact {
		t.Errorf("busFactor(30 alike + 10 apart, 1/2) = %d, exact %v; want 10, not exact", got, exact)
	}
}

func TestHHI(t *testing.T) {
	tests := []struct {
		counts []int
		want   float64
	}{
		{nil, 0},
		{[]int{0, 0}, 0},
		{[]int{5}, 1},
		{[]int{1, 1}, 0.5},
		{[]int{3, 1, 1, 1}, 12.0 / 36},
		{[]int{1, 1, 1, 1}, 0.25},
	}
	for _, tt := range tests {
		if got := HHI(tt.counts); round9(got) != round9(tt.want) {
			t.Errorf("HHI(%v) = %v; want %v", tt.counts, got, tt.want)
		}
	}
}
