package analysis

import (
	"strconv"
	"strings"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/parallel"
)

// prepareBlock is how many reviews a goroutine prepares at a time.
const prepareBlock = 256

// prepareStatements splits, masks, stems and matches against the taxonomy every non-empty
// factor statement of the reviews, leaving out those with no word left, and counts the words
// stemmed (for labels). Blocks of reviews are prepared in parallel and joined in block order,
// and each goroutine's word counts are summed, so the result does not depend on scheduling.
func prepareStatements(reviews []metamortem.Review, masker *Masker, tax *Taxonomy) ([]statement, map[string]int) {
	nw := parallel.Workers()
	preps := make([]preparer, nw)
	for w := range preps {
		preps[w] = preparer{masker: masker, tax: tax}
	}
	blocks := make([][]statement, (len(reviews)+prepareBlock-1)/prepareBlock)
	parallel.Blocks(nw, len(reviews), prepareBlock, func(w, lo, hi int) {
		blocks[lo/prepareBlock] = preps[w].prepare(reviews, lo, hi)
	})
	n := 0
	for _, b := range blocks {
		n += len(b)
	}
	stmts := make([]statement, 0, n)
	for _, b := range blocks {
		stmts = append(stmts, b...)
	}
	surface := map[string]int{}
	for _, p := range preps {
		p.stems.addCounts(surface)
	}
	return stmts, surface
}

// preparer prepares statements on one goroutine, keeping its scratch space from statement to
// statement and counting the words it stems in stems.
type preparer struct {
	masker             *Masker
	tax                *Taxonomy
	stems              stemmer
	raw, named, masked []word
	key                strings.Builder
	// seqs is where statements' stem sequences are made, one after the other, so that they
	// take a few large allocations rather than one each.
	seqs []string
}

// stemsBlock is how many stems a preparer's seqs hold at least.
const stemsBlock = 8192

// prepare returns the statements of reviews[lo:hi].
func (p *preparer) prepare(reviews []metamortem.Review, lo, hi int) []statement {
	var out []statement
	for ri := lo; ri < hi; ri++ {
		for fi, f := range reviews[ri].Factors {
			text := strings.TrimSpace(f.Text)
			if text == "" {
				continue
			}
			p.raw = appendSplitWords(p.raw[:0], text)
			p.named = p.masker.names.appendReplaced(p.named[:0], p.raw)
			p.masked = appendMaskNumbers(p.masked[:0], p.named)
			if cap(p.seqs)-len(p.seqs) < len(p.masked) {
				p.seqs = make([]string, 0, max(stemsBlock, len(p.masked)))
			}
			n := len(p.seqs)
			p.seqs = appendStemSeq(p.seqs, p.masked, &p.stems)
			seq := p.seqs[n:len(p.seqs):len(p.seqs)]
			if len(seq) == 0 {
				continue
			}
			// The entry is part of the key: aliases are matched before masking, so "HTTP 429"
			// and "HTTP 500" mask alike but only one names a rate limit.
			entry := p.tax.matcher.match(p.raw, seq)
			p.key.Reset()
			writeMaskedKey(&p.key, p.masked)
			p.key.WriteString(strconv.Itoa(entry))
			k := p.key.String()
			out = append(out, statement{
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
