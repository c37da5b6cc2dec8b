package analysis

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/parallel"
)

// Theme is one contributing factor that recurs across reviews under different words: either a
// cause the taxonomy knows (Tag set) or a group of similar statements found by clustering.
type Theme struct {
	// ID is stable across runs: the tag for a taxonomy theme, otherwise "theme-" and a hash of
	// the member statements' review IDs and positions.
	ID string
	// Label names the theme: the taxonomy entry's label, or the theme's two or three most
	// characteristic terms.
	Label string
	// Tag is the taxonomy tag, or "" for a theme found by clustering alone.
	Tag string
	// Members are the factor statements in the theme, ordered by review ID, then position.
	Members []ThemeMember
	// Reviews counts the distinct reviews the members come from.
	Reviews int
	// Components are the components the members' reviews name, most reviews first, then by name.
	Components []string
	// FirstSeen and LastSeen are the earliest and latest start times of the members' reviews;
	// nil when none of them has one.
	FirstSeen, LastSeen *time.Time
}

// ThemeMember is one factor statement of a theme.
type ThemeMember struct {
	ReviewID string
	// Factor is the statement's position in its review's Factors, from 0.
	Factor int
	Text   string
}

// ThemeSet is what Themes found: the themes, and the statements in no theme.
type ThemeSet struct {
	// Themes are ordered by number of members, most first, then by label, then by ID.
	Themes []Theme
	// Unthemed are the statements that no theme holds, ordered by review ID, then position.
	Unthemed []ThemeMember
	// Statements counts the factor statements considered: those with a word left once names,
	// numbers and stopwords are set aside.
	Statements int
	// OutOfRange counts the reviews left out because they did not start in [From, To), including
	// reviews with no start time when a range is given.
	OutOfRange int
}

// ThemeOptions say which reviews to read and how.
type ThemeOptions struct {
	// Taxonomy holds the known causes; nil means DefaultTaxonomy. An empty Taxonomy (no
	// entries) turns matching off, so that every statement is clustered.
	Taxonomy *Taxonomy
	// Components, Teams and People are names to mask before statements are compared, so that
	// "checkout ran out of connections" and "billing ran out of connections" look alike.
	Components, Teams, People []string
	// From and To bound the reviews' start times, [From, To); zero leaves that end open. When
	// both are zero, reviews with no start time are included.
	From, To time.Time
	// MinReviews is the least number of distinct reviews a theme must span; 0 means 2. Smaller
	// groups are unthemed.
	MinReviews int
}

// statement is one factor statement being grouped.
type statement struct {
	review int // index into the reviews in range
	factor int
	text   string
	key    string // masked text: statements with the same key are one point
	hash   uint64 // hashKey(key)
	seq    []string
	entry  int // taxonomy entry, or -1
}

// Themes groups the contributing-factor statements of the reviews into themes: statements
// that use a taxonomy entry's phrases join that entry's theme; the rest are clustered by the
// words left once names, numbers, times, hosts, versions, tickets, links and paths are masked,
// and each cluster that is close to a taxonomy entry joins that entry's theme too. A theme
// must span MinReviews reviews. The result depends only on the arguments, not on the order of
// reviews.
func Themes(reviews []metamortem.Review, opts ThemeOptions) ThemeSet {
	tax := opts.Taxonomy
	if tax == nil {
		tax = DefaultTaxonomy()
	}
	minReviews := cmp.Or(opts.MinReviews, 2)
	inRangeReviews, outOfRange := reviewsInRange(reviews, opts.From, opts.To)
	masker := NewMasker(opts.Components, opts.Teams, opts.People)
	stmts, surface := prepareStatements(inRangeReviews, masker, tax)
	set := ThemeSet{Statements: len(stmts), OutOfRange: outOfRange}
	if len(stmts) == 0 {
		return set
	}

	pts := newPoints(stmts)
	model := newTFIDF(pts.terms, pts.weights)
	vecs := make([]sparseVector, len(pts.terms))
	parallel.Blocks(parallel.Workers(), len(vecs), 1024, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			vecs[i] = model.vector(pts.terms[i])
		}
	})

	// Each statement's group: a taxonomy entry (0..n-1), or a community (n..).
	nEntries := len(tax.Entries)
	group := make([]int, len(stmts))
	var free []int // points no entry claims
	for i, first := range pts.first {
		if e := stmts[first].entry; e >= 0 {
			pts.group[i] = e
		} else {
			free = append(free, i)
		}
	}
	if len(free) > 0 {
		freeVecs := make([]sparseVector, len(free))
		freeWeights := make([]float64, len(free))
		for k, i := range free {
			freeVecs[k], freeWeights[k] = vecs[i], pts.weights[i]
		}
		groups := cluster(freeVecs, defaultClusterParams)
		entryOf := closestEntries(tax, model, freeVecs, freeWeights, groups)
		for k, i := range free {
			if e := entryOf[groups[k]]; e >= 0 {
				pts.group[i] = e
			} else {
				pts.group[i] = nEntries + groups[k]
			}
		}
	}
	for s := range stmts {
		group[s] = pts.group[pts.of[s]]
	}
	set.Themes, set.Unthemed = buildThemes(inRangeReviews, stmts, group, tax, minReviews, labelFn(model, pts, surface, countGroups(group)))
	return set
}

// reviewsInRange returns the reviews that started in [from, to), ordered by ID, and how many
// were left out. With no range, every review is in it.
func reviewsInRange(reviews []metamortem.Review, from, to time.Time) ([]metamortem.Review, int) {
	byID := func(a, b metamortem.Review) int { return strings.Compare(a.ID, b.ID) }
	if from.IsZero() && to.IsZero() && slices.IsSortedFunc(reviews, byID) {
		return reviews, 0 // the common case needs no copy
	}
	var out []metamortem.Review
	left := 0
	for _, r := range reviews {
		open := from.IsZero() && to.IsZero()
		if open || r.StartedAt != nil && inRange(*r.StartedAt, from, to) {
			out = append(out, r)
		} else {
			left++
		}
	}
	slices.SortStableFunc(out, byID)
	return out, left
}

// points are the distinct masked statements, ordered by a hash of their text (then the text),
// so that their order depends on neither the order of the input nor on how alike they are.
type points struct {
	first   []int      // a statement of each point
	of      []int      // each statement's point
	weights []float64  // statements per point
	terms   [][]string // each point's terms
	group   []int      // each point's group, filled in by Themes
	keys    []string   // each point's masked text
}

func newPoints(stmts []statement) points {
	// Number the distinct keys in order of first statement, then order them by hash and key.
	byKey := make(map[string]int32, len(stmts)/4)
	var firsts []int
	of := make([]int32, len(stmts))
	for i, s := range stmts {
		k, ok := byKey[s.key]
		if !ok {
			k = int32(len(firsts))
			byKey[s.key] = k
			firsts = append(firsts, i)
		}
		of[i] = k
	}
	order := make([]int32, len(firsts))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		sa, sb := &stmts[firsts[a]], &stmts[firsts[b]]
		return cmp.Or(cmp.Compare(sa.hash, sb.hash), strings.Compare(sa.key, sb.key))
	})
	rank := make([]int32, len(firsts))
	p := points{
		first: make([]int, len(firsts)), of: make([]int, len(stmts)), weights: make([]float64, len(firsts)),
		terms: make([][]string, len(firsts)), group: make([]int, len(firsts)), keys: make([]string, len(firsts)),
	}
	for i, k := range order {
		rank[k] = int32(i)
		first := firsts[k]
		p.first[i], p.keys[i], p.terms[i] = first, stmts[first].key, terms(stmts[first].seq)
	}
	for s, k := range of {
		i := rank[k]
		p.of[s] = int(i)
		p.weights[i]++
	}
	return p
}

func countGroups(group []int) int {
	seen := map[int]bool{}
	for _, g := range group {
		seen[g] = true
	}
	return len(seen)
}

// buildThemes turns groups of statements into themes, leaving groups that span fewer than
// minReviews reviews unthemed. Groups are built in parallel; label must be safe for that.
func buildThemes(reviews []metamortem.Review, stmts []statement, group []int, tax *Taxonomy, minReviews int, label func(members []int) string) ([]Theme, []ThemeMember) {
	// Each group's statements, in statement order, which is review order.
	byGroup := make([][]int, slices.Max(group)+1)
	for s, g := range group {
		byGroup[g] = append(byGroup[g], s)
	}
	built := make([]Theme, len(byGroup))
	nw := parallel.Workers()
	builders := make([]themeBuilder, nw)
	parallel.Blocks(nw, len(byGroup), 1, func(w, g, _ int) {
		b := &builders[w]
		b.reviews, b.stmts = reviews, stmts
		built[g] = b.build(byGroup[g], minReviews)
		if built[g].Members == nil {
			return
		}
		if g < len(tax.Entries) {
			built[g].ID, built[g].Tag, built[g].Label = tax.Entries[g].Tag, tax.Entries[g].Tag, tax.Entries[g].Label
		} else {
			built[g].ID, b.id = clusterID(built[g].Members, b.id)
			built[g].Label = label(byGroup[g])
		}
	})
	var themes []Theme
	var unthemed []ThemeMember
	for g, t := range built {
		if t.Members != nil {
			themes = append(themes, t)
			continue
		}
		for _, s := range byGroup[g] {
			unthemed = append(unthemed, member(reviews, stmts, s))
		}
	}
	slices.SortFunc(themes, func(a, b Theme) int {
		return cmp.Or(cmp.Compare(len(b.Members), len(a.Members)), strings.Compare(a.Label, b.Label), strings.Compare(a.ID, b.ID))
	})
	slices.SortFunc(unthemed, compareMembers)
	return themes, unthemed
}

// themeBuilder builds themes on one goroutine, keeping its scratch space from group to group.
type themeBuilder struct {
	reviews  []metamortem.Review
	stmts    []statement
	distinct []int
	rs       []metamortem.Review
	id       []byte
}

// build returns the theme of a group of statements, given in statement order, with its
// members, reviews, components and times but no ID, tag or label; or a zero Theme if the group
// spans fewer than minReviews reviews.
func (b *themeBuilder) build(members []int, minReviews int) Theme {
	b.distinct = b.distinct[:0]
	for _, s := range members {
		if r := b.stmts[s].review; len(b.distinct) == 0 || b.distinct[len(b.distinct)-1] != r {
			b.distinct = append(b.distinct, r)
		}
	}
	if len(members) == 0 || len(b.distinct) < minReviews {
		return Theme{}
	}
	t := Theme{Reviews: len(b.distinct), Members: make([]ThemeMember, len(members))}
	for i, s := range members {
		t.Members[i] = member(b.reviews, b.stmts, s)
	}
	slices.SortFunc(t.Members, compareMembers)
	t.Components, t.FirstSeen, t.LastSeen, b.rs = describeReviews(b.reviews, b.distinct, b.rs)
	return t
}

// member returns statement s as a theme member.
func member(reviews []metamortem.Review, stmts []statement, s int) ThemeMember {
	return ThemeMember{ReviewID: reviews[stmts[s].review].ID, Factor: stmts[s].factor, Text: stmts[s].text}
}

func compareMembers(a, b ThemeMember) int {
	return cmp.Or(strings.Compare(a.ReviewID, b.ReviewID), cmp.Compare(a.Factor, b.Factor))
}

// clusterID derives a theme's ID from its members, which must be sorted; buf is scratch space,
// returned for reuse.
func clusterID(members []ThemeMember, buf []byte) (string, []byte) {
	h := sha256.New()
	for _, m := range members {
		buf = append(buf[:0], m.ReviewID...)
		buf = append(buf, 0)
		buf = strconv.AppendInt(buf, int64(m.Factor), 10)
		buf = append(buf, '\n')
		h.Write(buf)
	}
	return "theme-" + hex.EncodeToString(h.Sum(nil))[:12], buf
}

// describeReviews returns the components of a set of reviews (given by index, each once),
// counted once per review, most first, and their earliest and latest start times. rs is scratch
// space, returned for reuse.
func describeReviews(reviews []metamortem.Review, set []int, rs []metamortem.Review) ([]string, *time.Time, *time.Time, []metamortem.Review) {
	rs = rs[:0]
	var first, last *time.Time
	for _, i := range set {
		r := reviews[i]
		rs = append(rs, r)
		if r.StartedAt == nil {
			continue
		}
		if first == nil || r.StartedAt.Before(*first) {
			first = r.StartedAt
		}
		if last == nil || r.StartedAt.After(*last) {
			last = r.StartedAt
		}
	}
	var components []string
	for _, c := range countComponents(rs) {
		components = append(components, c.Component)
	}
	return components, first, last, rs
}
