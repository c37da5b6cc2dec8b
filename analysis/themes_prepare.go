package analysis

import (
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/metamortem/metamortem"
)

// prepared is what preparing the statements of a range of reviews gives: the statements, in
// order of review and position, and how often each word was stemmed.
type prepared struct {
	stmts   []statement
	surface map[string]int
}

// prepareStatements splits, masks, stems and matches against the taxonomy every non-empty
// factor statement of the reviews, leaving out those with no word left. The reviews are cut
// into one range per processor, prepared in parallel and joined in range order, and the
// surface counts are summed, so the result does not depend on scheduling.
func prepareStatements(reviews []metamortem.Review, masker *Masker, tax *Taxonomy) ([]statement, map[string]int) {
	workers := runtime.GOMAXPROCS(0)
	chunk := (len(reviews) + workers - 1) / max(workers, 1)
	var parts []prepared
	for lo := 0; lo < len(reviews); lo += chunk {
		parts = append(parts, prepared{})
	}
	var wg sync.WaitGroup
	for p := range parts {
		lo := p * chunk
		hi := min(lo+chunk, len(reviews))
		wg.Go(func() { parts[p] = prepareRange(reviews, lo, hi, masker, tax) })
	}
	wg.Wait()
	if len(parts) == 0 {
		return nil, map[string]int{}
	}
	n := 0
	for _, p := range parts {
		n += len(p.stmts)
	}
	stmts := make([]statement, 0, n)
	surface := parts[0].surface
	for i, p := range parts {
		stmts = append(stmts, p.stmts...)
		if i == 0 {
			continue
		}
		for w, c := range p.surface {
			surface[w] += c
		}
	}
	return stmts, surface
}

// prepareRange prepares the statements of reviews[lo:hi].
func prepareRange(reviews []metamortem.Review, lo, hi int, masker *Masker, tax *Taxonomy) prepared {
	out := prepared{surface: map[string]int{}}
	var key strings.Builder
	var raw, named, masked []word // scratch, reused from statement to statement
	for ri := lo; ri < hi; ri++ {
		for fi, f := range reviews[ri].Factors {
			text := strings.TrimSpace(f.Text)
			if text == "" {
				continue
			}
			raw = appendSplitWords(raw[:0], text)
			named = masker.names.appendReplaced(named[:0], raw)
			masked = appendMaskNumbers(masked[:0], named)
			seq := stemSeq(masked, out.surface)
			if len(seq) == 0 {
				continue
			}
			// The entry is part of the key: aliases are matched before masking, so "HTTP 429"
			// and "HTTP 500" mask alike but only one names a rate limit.
			entry := tax.matcher.match(raw, seq)
			key.Reset()
			writeMaskedKey(&key, masked)
			key.WriteString(strconv.Itoa(entry))
			k := key.String()
			out.stmts = append(out.stmts, statement{
				review: ri, factor: fi, text: text, key: k, hash: hashKey(k), seq: seq, entry: entry,
			})
		}
	}
	return out
}

// writeMaskedKey writes masked words as one string, the identity of a point.
func writeMaskedKey(b *strings.Builder, ws []word) {
	for _, w := range ws {
		switch {
		case w.isBreak():
			b.WriteString("|")
		case w.mask != "":
			b.WriteByte('{')
			b.WriteString(string(w.mask))
			b.WriteByte('}')
		default:
			b.WriteString(w.text)
		}
		b.WriteByte(' ')
	}
}

// hashKey is the 64-bit FNV-1a hash of s, which orders points.
func hashKey(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
