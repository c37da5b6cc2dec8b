package analysis

import (
	"slices"
	"sync"
	"sync/atomic"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/parallel"
)

// finaliser holds what Finalise reads, indexed once: the classes share incidents and actions,
// so that no class looks up a review by ID, splits a text into words or looks for component
// names in it more than once. Texts (titles and action texts) are numbered, equal texts alike,
// and split into words and searched for names when a class first needs them.
type finaliser struct {
	reviews  []metamortem.Review
	position map[string]int32 // review by ID; of several with one ID, the last
	// components are each review's canonical components, by review.
	components [][]string
	// titles and actionTexts are each review's title and action texts, as text numbers.
	titles      []int32
	actionTexts [][]int32
	// raw are the texts by number; words holds their words and stems, and named the
	// components they name, once found.
	raw   []string
	words []atomic.Pointer[actionText]
	named []atomic.Pointer[[]string]
	// tags is true when some class is a tag's, so that texts need their stems for tags too.
	tags  bool
	addr  addresser
	touch toucher
}

// newFinaliser indexes the reviews for finding the classes' evidence.
func newFinaliser(reviews []metamortem.Review, classes []Class, opts FinaliseOptions) *finaliser {
	f := &finaliser{
		reviews:     reviews,
		position:    make(map[string]int32, len(reviews)),
		titles:      make([]int32, len(reviews)),
		actionTexts: make([][]int32, len(reviews)),
		tags:        slices.ContainsFunc(classes, func(c Class) bool { return c.Kind == ClassTag }),
	}
	var components map[string][]string
	var wg sync.WaitGroup
	resolved := resolveFor(opts.Resolved, opts.Catalog, reviews)
	wg.Go(func() { f.touch, components = newToucher(opts.Catalog, resolved, classes) })
	wg.Go(func() { f.addr = newAddresser(resolved, opts) })
	number := map[string]int32{}
	textNumber := func(s string) int32 {
		n, ok := number[s]
		if !ok {
			n = int32(len(f.raw))
			number[s] = n
			f.raw = append(f.raw, s)
		}
		return n
	}
	for i, r := range reviews {
		f.position[r.ID] = int32(i)
		f.titles[i] = textNumber(r.Title)
		f.actionTexts[i] = make([]int32, len(r.Actions))
		for j, a := range r.Actions {
			f.actionTexts[i][j] = textNumber(a.Text)
		}
	}
	f.words = make([]atomic.Pointer[actionText], len(f.raw))
	f.named = make([]atomic.Pointer[[]string], len(f.raw))
	wg.Wait()
	f.components = make([][]string, len(reviews))
	for i, r := range reviews {
		f.components[i] = components[r.ID]
	}
	return f
}

// text returns the words and stems of text n, masking it in room. Goroutines may compute them
// at the same time; one result, equal to the others, is kept.
func (f *finaliser) text(n int32, room *textRoom) *actionText {
	if st := f.words[n].Load(); st != nil {
		return st
	}
	f.words[n].CompareAndSwap(nil, f.addr.actionText(f.raw[n], f.tags, room))
	return f.words[n].Load()
}

// namedBy returns the canonical components text n names, computed once as text is.
func (f *finaliser) namedBy(n int32) []string {
	if named := f.named[n].Load(); named != nil {
		return *named
	}
	named := f.touch.named(f.raw[n])
	f.named[n].CompareAndSwap(nil, &named)
	return *f.named[n].Load()
}

// eachGroup calls do for every class, with the class's wordings (see addresser.wordings)
// and a memo of which of them texts state. Classes that share wordings (a theme and the
// theme in each component) are done one after the other on the same goroutine, so that the
// memo saves their work; the groups are shared among the processors.
func (f *finaliser) eachGroup(classes []Class, do func(i int, words []classWording, s *addressMemo)) {
	var keys []string
	groups := map[string][]int{}
	for i, c := range classes {
		k := wordsKey(c)
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	nw := parallel.Workers()
	memos := make([]*addressMemo, nw) // each worker's, made on its first group
	parallel.Each(nw, len(keys), func(w, g int) {
		if memos[w] == nil {
			memos[w] = newAddressMemo(len(f.raw))
		}
		s := memos[w]
		members := groups[keys[g]]
		words := f.addr.wordings(classes[members[0]])
		s.reset()
		for _, i := range members {
			do(i, words, s)
		}
	})
}

// addressMemo is one goroutine's working memory: it remembers, for one set of wordings at a
// time, which of them each text states first, and holds room for one class's lists.
type addressMemo struct {
	gen   uint32
	seen  []uint32 // seen[n] == gen when stated[n] holds for text n
	first []int32  // the index of the first wording text n states, or -1
	// actions is room for one class's addressing actions, reused from class to class: they
	// are read while the class's item is made, never kept.
	actions []classAction
	// done and overdue are room for one class's recurrences, before they are sorted into lists
	// of their own.
	done, overdue []Recurrence
	// positions are one class's incidents' positions (see finaliser.incidents), and timeline
	// is room for its timeline.
	positions []int32
	timeline  timelineRoom
	// text is room for masking texts.
	text textRoom
}

func newAddressMemo(texts int) *addressMemo {
	return &addressMemo{seen: make([]uint32, texts), first: make([]int32, texts)}
}

// reset forgets everything, for another set of wordings.
func (s *addressMemo) reset() { s.gen++ }

// stated returns the index of the first of the wordings that text n states, or -1.
func (s *addressMemo) stated(f *finaliser, words []classWording, n int32) int {
	if s.seen[n] == s.gen {
		return int(s.first[n])
	}
	k := -1
	if len(words) > 0 {
		st := f.text(n, &s.text)
		for i, w := range words {
			if w.in(st) {
				k = i
				break
			}
		}
	}
	s.seen[n], s.first[n] = s.gen, int32(k)
	return k
}
