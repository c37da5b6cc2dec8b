// Command benchscale measures metamortem at scale: for each corpus size it generates a
// synthetic corpus (fixtures/synth), measures the parse-only floor in-process, then runs the
// real binary for the first ingest, a re-ingest of the unchanged corpus, every analysis command
// and the report, recording wall time and peak memory, and writes a Markdown report.
//
//	go run ./cmd/benchscale -bin bin/metamortem -sizes 1000,10000,100000 -out BENCHMARKS.md
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/metamortem/metamortem/fixtures/synth"
	"github.com/metamortem/metamortem/ingest"
)

func main() {
	bin := flag.String("bin", "bin/metamortem", "the metamortem binary to measure")
	sizes := flag.String("sizes", "1000,10000,100000", "corpus sizes, in reviews")
	out := flag.String("out", "", "write the report here as well as to standard output")
	work := flag.String("work", "", "folder for corpora and databases (default: a temporary one, removed)")
	flag.DurationVar(&stepTimeout, "step-timeout", 10*time.Minute, "stop a step that runs longer, and record that it did")
	flag.IntVar(&runs, "runs", 3, "how many times each step (and the parse-only floor) runs; the median counts")
	flag.Parse()
	if err := run(*bin, *sizes, *out, *work, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "benchscale:", err)
		os.Exit(1)
	}
}

// step is one measured step: the median wall time of its runs, the fastest and slowest, and
// the largest peak memory of any run.
type step struct {
	name                   string
	wall, fastest, slowest time.Duration
	peakKiB                int64
	runs                   int
	failed                 string
}

// result is everything measured at one size.
type result struct {
	reviews, files int
	bytes          int64
	generate       time.Duration
	parse          time.Duration
	steps          []step
}

func run(bin, sizes, out, work string, stdout io.Writer) error {
	abs, err := filepath.Abs(bin)
	if err != nil {
		return err
	}
	if _, err := os.Stat(abs); err != nil {
		return fmt.Errorf("%s: build it first (make build)", bin)
	}
	if work == "" {
		work, err = os.MkdirTemp("", "benchscale")
		if err != nil {
			return err
		}
		defer os.RemoveAll(work)
	}
	var results []result
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			return fmt.Errorf("-sizes: %q is not a positive number", s)
		}
		fmt.Fprintf(os.Stderr, "benchscale: %d reviews\n", n)
		r, err := measure(abs, n, filepath.Join(work, strconv.Itoa(n)))
		if err != nil {
			return err
		}
		results = append(results, r)
		if out != "" { // keep what is measured so far, should a later size not finish
			if err := os.WriteFile(out, []byte(render(results)), 0o644); err != nil {
				return err
			}
		}
	}
	fmt.Fprint(stdout, render(results))
	return nil
}

// stepTimeout bounds one run of a step; a step that exceeds it is recorded as timed out.
var stepTimeout = 10 * time.Minute

// runs is how many times each step runs. One run on a shared 2-core machine can be off by a
// second; the median of three is what the tables show, with the fastest and slowest beside it.
var runs = 3

func measure(bin string, n int, dir string) (result, error) {
	corpus := filepath.Join(dir, "corpus")
	db := filepath.Join(dir, "bench.duckdb")
	os.RemoveAll(dir)
	begin := time.Now()
	truth, err := synth.Write(synth.Options{Dir: corpus, Reviews: n, Seed: 1})
	if err != nil {
		return result{}, err
	}
	r := result{reviews: n, files: truth.Files, bytes: truth.Bytes, generate: time.Since(begin)}
	var floors []time.Duration
	for range runs {
		d, err := parseOnly(corpus)
		if err != nil {
			return r, err
		}
		floors = append(floors, d)
	}
	r.parse = median(floors)
	// Every run of the first ingest starts from an empty database.
	ingestStep := repeat(func() step {
		os.Remove(db)
		os.Remove(db + ".wal")
		return runStep(bin, "ingest", "--db", db, "ingest", corpus)
	})
	r.steps = append(r.steps, ingestStep,
		repeat(func() step { return runStep(bin, "re-ingest (unchanged)", "--db", db, "ingest", corpus) }),
	)
	for _, c := range [][]string{
		{"themes", "--format", "json"}, {"classes", "--format", "json"}, {"finalise", "--format", "json"},
		{"experts", "--format", "json"}, {"owners", "--format", "json"}, {"actions", "--format", "json"},
		{"identities", "--format", "json"},
	} {
		r.steps = append(r.steps, repeat(func() step { return runStep(bin, c[0], append([]string{"--db", db}, c...)...) }))
	}
	r.steps = append(r.steps, repeat(func() step {
		return runStep(bin, "report", "--db", db, "report", "--out", filepath.Join(dir, "report.html"))
	}))
	return r, nil
}

// repeat runs a step runs times (stopping at a failure) and returns its median run, with the
// fastest and slowest runs and the largest peak memory.
func repeat(run func() step) step {
	var walls []time.Duration
	var out step
	for range runs {
		s := run()
		out.name, out.failed = s.name, s.failed
		out.peakKiB = max(out.peakKiB, s.peakKiB)
		walls = append(walls, s.wall)
		if s.failed != "" {
			break
		}
	}
	out.wall, out.fastest, out.slowest, out.runs = median(walls), slices.Min(walls), slices.Max(walls), len(walls)
	return out
}

// median returns the middle of the durations, or the mean of the two middle ones.
func median(ds []time.Duration) time.Duration {
	s := slices.Sorted(slices.Values(ds))
	if n := len(s); n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[len(s)/2]
}

// parseOnly reads and parses every file of the corpus on one goroutine per CPU, as ingest does,
// without the database: the floor ingest is measured against.
func parseOnly(corpus string) (time.Duration, error) {
	var paths []string
	err := filepath.WalkDir(corpus, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Base(p) != "truth.json" {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	begin := time.Now()
	next := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				ingest.ReadReviews(p)
			}
		}()
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
	return time.Since(begin), nil
}

// runStep runs the binary and records its wall time and peak resident memory.
func runStep(bin, name string, args ...string) step {
	ctx, cancel := context.WithTimeout(context.Background(), stepTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout = io.Discard
	var stderr strings.Builder
	cmd.Stderr = &stderr
	begin := time.Now()
	err := cmd.Run()
	s := step{name: name, wall: time.Since(begin)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.peakKiB = ru.Maxrss
	}
	if ctx.Err() != nil {
		s.failed = fmt.Sprintf("stopped after %s (the step timeout)", stepTimeout)
		return s
	}
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		s.failed = fmt.Sprintf("%v: %s", err, msg)
	}
	return s
}
