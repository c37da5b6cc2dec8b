// Package parallel spreads work over index ranges on several goroutines. Work is handed out
// in blocks of indices, in order, as goroutines become free; each call must write only what
// belongs to its own indices (and whatever its worker number owns), so that results never
// depend on scheduling.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers is how many goroutines CPU-bound work uses: one per processor Go may use.
func Workers() int { return max(1, runtime.GOMAXPROCS(0)) }

// Blocks calls fn(worker, lo, hi) for consecutive blocks [lo, hi) of [0, n), each of at most
// block indices, on up to workers goroutines numbered from 0, and returns when all are done.
// With one worker (or one block) it runs on the calling goroutine.
func Blocks(workers, n, block int, fn func(worker, lo, hi int)) {
	block = max(1, block)
	blocks := (n + block - 1) / block
	workers = min(workers, blocks)
	if workers <= 1 {
		for lo := 0; lo < n; lo += block {
			fn(0, lo, min(lo+block, n))
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for b := int(next.Add(1)) - 1; b < blocks; b = int(next.Add(1)) - 1 {
				fn(w, b*block, min((b+1)*block, n))
			}
		})
	}
	wg.Wait()
}

// Each calls fn(worker, i) for every i in [0, n) on up to workers goroutines, handing out one
// index at a time: for items whose cost varies a lot.
func Each(workers, n int, fn func(worker, i int)) {
	Blocks(workers, n, 1, func(w, i, _ int) { fn(w, i) })
}

// Split calls fn(lo, hi) once per worker on ranges of [0, n) of nearly equal size, at the same
// time: for items of similar cost.
func Split(workers, n int, fn func(lo, hi int)) {
	workers = max(1, min(workers, n))
	Blocks(workers, n, (n+workers-1)/workers, func(_, lo, hi int) { fn(lo, hi) })
}
