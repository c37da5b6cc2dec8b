package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// render writes the results as the Markdown of BENCHMARKS.md.
func render(results []result) string {
	var b strings.Builder
	b.WriteString("# Benchmarks\n\nMeasured by `make bench` (`go run ./cmd/benchscale`), which generates synthetic corpora with\n`fixtures/synth` (90% Markdown, 5% tracker CSV rows, 5% Confluence-style HTML; seed 1) and runs\nthe real binary. Peak memory is the process's maximum resident set size.\n\n")
	if len(results) > 0 && len(results[0].steps) > 0 {
		fmt.Fprintf(&b, "Each step and the parse-only floor ran %d times: wall is the median run, with the fastest and\nslowest in the last column; peak memory is the largest of the runs.\n\n", results[0].steps[0].runs)
	}
	fmt.Fprintf(&b, "Machine: %s\n\n", machine())
	for _, r := range results {
		fmt.Fprintf(&b, "## %d reviews\n\n%d files, %.1f MB; generated in %s.\n\n", r.reviews, r.files, float64(r.bytes)/1e6, round(r.generate))
		fmt.Fprintf(&b, "Parse-only floor (every file read and parsed on %d goroutines, no database): %s, %.0f reviews/s.\n\n",
			runtime.GOMAXPROCS(0), round(r.parse), float64(r.reviews)/r.parse.Seconds())
		b.WriteString("| step | wall (median) | peak memory | throughput | note | fastest–slowest |\n|---|---:|---:|---:|---|---|\n")
		var first time.Duration
		for _, s := range r.steps {
			thr, note := "", s.failed
			switch s.name {
			case "ingest":
				first = s.wall
				thr = fmt.Sprintf("%.1f MB/s, %.0f reviews/s", float64(r.bytes)/1e6/s.wall.Seconds(), float64(r.reviews)/s.wall.Seconds())
				if note == "" {
					note = fmt.Sprintf("%.2f× the parse-only floor", s.wall.Seconds()/r.parse.Seconds())
				}
			case "re-ingest (unchanged)":
				if note == "" && first > 0 {
					note = fmt.Sprintf("%.1f× faster than the first ingest", first.Seconds()/s.wall.Seconds())
				}
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s–%s |\n", s.name, round(s.wall), mib(s.peakKiB), thr, note, round(s.fastest), round(s.slowest))
		}
		b.WriteString("\n")
	}
	if len(results) > 0 {
		b.WriteString(targets(results[len(results)-1]))
	}
	return b.String()
}

// targets checks the largest size measured against the performance targets of the issue
// tracker: ingest of 100,000 reviews under 30 s and 2 GiB, at most twice the parse-only
// floor, re-ingest at least 20 times faster, every analysis and the report under 5 s.
func targets(r result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## Targets at %d reviews\n\n| target | measured | met |\n|---|---|---|\n", r.reviews)
	row := func(target, measured string, met bool) {
		mark := "no"
		if met {
			mark = "yes"
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", target, measured, mark)
	}
	var first time.Duration
	for _, s := range r.steps {
		switch s.name {
		case "ingest":
			first = s.wall
			row("ingest under 30 s", round(s.wall), s.failed == "" && s.wall < 30*time.Second)
			row("ingest peak memory under 2 GiB", mib(s.peakKiB), s.peakKiB < 2<<20)
			ratio := s.wall.Seconds() / r.parse.Seconds()
			row("ingest at most 2× the parse-only floor", fmt.Sprintf("%.2f×", ratio), ratio <= 2)
		case "re-ingest (unchanged)":
			ratio := first.Seconds() / s.wall.Seconds()
			row("re-ingest at least 20× faster", fmt.Sprintf("%.1f×", ratio), s.failed == "" && ratio >= 20)
		default:
			row(s.name+" under 5 s", round(s.wall), s.failed == "" && s.wall < 5*time.Second)
		}
	}
	b.WriteString("\n")
	return b.String()
}

func round(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return d.Round(100 * time.Millisecond).String()
	case d >= time.Second:
		return d.Round(10 * time.Millisecond).String()
	}
	return d.Round(time.Millisecond).String()
}

func mib(kib int64) string {
	if kib == 0 {
		return ""
	}
	return fmt.Sprintf("%.0f MiB", float64(kib)/1024)
}

// machine describes the CPU, cores, memory and Go version.
func machine() string {
	cpu := "unknown CPU"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if name, ok := strings.CutPrefix(line, "model name"); ok {
				cpu = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), ":"))
				break
			}
		}
	}
	mem := ""
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb int64
		fmt.Sscanf(strings.SplitN(string(data), "\n", 2)[0], "MemTotal: %d kB", &kb)
		mem = fmt.Sprintf(", %.0f GiB memory", float64(kb)/(1<<20))
	}
	gover := runtime.Version()
	if out, err := exec.Command("go", "version").Output(); err == nil {
		gover = strings.TrimSpace(string(out))
	}
	return fmt.Sprintf("%s, %d cores%s; %s", cpu, runtime.NumCPU(), mem, gover)
}
