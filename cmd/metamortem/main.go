// Command metamortem reads post-incident reviews into a DuckDB database and reports what
// recurs across them.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	if os.Getenv("GOGC") == "" {
		// The analyses hold every review while they allocate much short-lived text; collecting
		// at twice the live heap instead of once costs about a third more peak memory and
		// saves about 0.3 s of 5 at 100,000 reviews (BENCHMARKS.md). GOGC still overrides it.
		debug.SetGCPercent(gcPercent)
	}
	stopProfile := startProfile(os.Getenv("METAMORTEM_CPUPROFILE"))
	code := run(ctx, os.Args[1:], streams{in: os.Stdin, out: os.Stdout, err: os.Stderr})
	stopProfile()
	stop()
	os.Exit(code)
}

// gcPercent is the garbage collector's target unless GOGC is set: 200 lets the heap grow to
// three times what is live before a collection.
const gcPercent = 200

// startProfile writes a CPU profile of the whole run to path when it is set (the
// METAMORTEM_CPUPROFILE variable, documented in BENCHMARKS.md), and returns what stops it.
func startProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "metamortem: warning: METAMORTEM_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
