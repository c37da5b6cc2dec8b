package parallel

import (
	"slices"
	"sync"
	"testing"
)

// TestBlocks checks that every index is visited exactly once, in blocks of the size asked for,
// by workers numbered below the count asked for.
func TestBlocks(t *testing.T) {
	tests := []struct {
		workers, n, block int
		wantBlocks        int
	}{
		{4, 10, 3, 4}, // [0,3) [3,6) [6,9) [9,10)
		{1, 10, 3, 4},
		{8, 2, 1, 2},
		{3, 0, 5, 0},
		{2, 7, 0, 7}, // a block of 0 means 1
		{2, 6, 6, 1},
	}
	for _, tt := range tests {
		var mu sync.Mutex
		seen := make([]int, tt.n)
		blocks := 0
		Blocks(tt.workers, tt.n, tt.block, func(w, lo, hi int) {
			mu.Lock()
			defer mu.Unlock()
			if w < 0 || w >= max(tt.workers, 1) {
				t.Errorf("Blocks(%d, %d, %d): worker %d", tt.workers, tt.n, tt.block, w)
			}
			if hi-lo > max(tt.block, 1) || hi <= lo {
				t.Errorf("Blocks(%d, %d, %d): block [%d, %d)", tt.workers, tt.n, tt.block, lo, hi)
			}
			blocks++
			for i := lo; i < hi; i++ {
				seen[i]++
			}
		})
		if blocks != tt.wantBlocks {
			t.Errorf("Blocks(%d, %d, %d) made %d blocks; want %d", tt.workers, tt.n, tt.block, blocks, tt.wantBlocks)
		}
		for i, c := range seen {
			if c != 1 {
				t.Errorf("Blocks(%d, %d, %d) visited %d %d times; want 1", tt.workers, tt.n, tt.block, i, c)
			}
		}
	}
}

// TestSplit checks that the ranges cover [0, n) once, one per worker, of nearly equal size.
func TestSplit(t *testing.T) {
	var mu sync.Mutex
	var got [][2]int
	Split(3, 10, func(lo, hi int) {
		mu.Lock()
		got = append(got, [2]int{lo, hi})
		mu.Unlock()
	})
	slices.SortFunc(got, func(a, b [2]int) int { return a[0] - b[0] })
	want := [][2]int{{0, 4}, {4, 8}, {8, 10}}
	if !slices.Equal(got, want) {
		t.Errorf("Split(3, 10) ranges = %v; want %v", got, want)
	}
	calls := 0
	Split(4, 0, func(lo, hi int) { calls++ })
	if calls != 0 {
		t.Errorf("Split(4, 0) called fn %d times; want 0", calls)
	}
}

// TestEach checks that each index is passed once.
func TestEach(t *testing.T) {
	seen := make([]int, 100)
	var mu sync.Mutex
	Each(4, len(seen), func(_, i int) {
		mu.Lock()
		seen[i]++
		mu.Unlock()
	})
	for i, c := range seen {
		if c != 1 {
			t.Errorf("Each visited %d %d times; want 1", i, c)
		}
	}
}
