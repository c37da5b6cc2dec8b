package analysis

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Themes spreads its heavier steps over the processors. Work is handed out in blocks of
// indices, each goroutine writes only the results of the indices it was given, and anything a
// goroutine accumulates on its own (its worker number says which) is combined by the caller in
// an order-independent way, so that results never depend on scheduling.

// workers is how many goroutines the parallel steps use.
func workers() int { return max(1, runtime.GOMAXPROCS(0)) }

// inBlocks calls fn(worker, lo, hi) for consecutive blocks [lo, hi) of [0, n), each of at most
// block indices, on up to nw goroutines numbered from 0, and returns when all are done. Blocks
// are taken in order as goroutines become free, so uneven blocks even out.
func inBlocks(nw, n, block int, fn func(worker, lo, hi int)) {
	block = max(1, block)
	blocks := (n + block - 1) / block
	nw = min(nw, blocks)
	if nw <= 1 {
		for lo := 0; lo < n; lo += block {
			fn(0, lo, min(lo+block, n))
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range nw {
		wg.Go(func() {
			for {
				b := int(next.Add(1)) - 1
				if b >= blocks {
					return
				}
				fn(w, b*block, min((b+1)*block, n))
			}
		})
	}
	wg.Wait()
}
