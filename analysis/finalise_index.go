package analysis

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/metamortem/metamortem"
)

// finaliser holds what Finalise reads, indexed once: the classes share incidents and actions,
// so that no class looks up a review by ID, splits a text into words or looks for component
// names in it more than once. Texts (titles and action texts) are numbered, equal texts alike.
type finaliser struct {
	reviews  []metamortem.Review
	position map[string]int32 // review by ID; of several with one ID, the last
	// components are each review's canonical components, by review.
	components [][]string
	// titles and actionTexts are each review's title and action texts, as text numbers.
	titles      []int32
	actionTexts [][]int32
	// texts are the words and stems of each text, and named the components each action text
	// names, by text number.
	texts []*actionText
	named [][]string
	addr  addresser
}

// newFinaliser indexes the reviews for finding the classes' evidence.
func newFinaliser(reviews []metamortem.Review, classes []Class, opts FinaliseOptions) *finaliser {
	var (
		touch      toucher
		components map[string][]string
		addr       addresser
		wg         sync.WaitGroup
	)
	wg.Go(func() { touch, components = newToucher(opts.Catalog, reviews, classes) })
	wg.Go(func() { addr = newAddresser(reviews, opts) })
	f := &finaliser{
		reviews:     reviews,
		position:    make(map[string]int32, len(reviews)),
		titles:      make([]int32, len(reviews)),
		actionTexts: make([][]int32, len(reviews)),
	}
	number := map[string]int32{}
	var texts []string
	var isAction []bool
	textNumber := func(s string, action bool) int32 {
		n, ok := number[s]
		if !ok {
			n = int32(len(texts))
			number[s] = n
			texts, isAction = append(texts, s), append(isAction, false)
		}
		isAction[n] = isAction[n] || action
		return n
	}
	for i, r := range reviews {
		f.position[r.ID] = int32(i)
		f.titles[i] = textNumber(r.Title, false)
		f.actionTexts[i] = make([]int32, len(r.Actions))
		for j, a := range r.Actions {
			f.actionTexts[i][j] = textNumber(a.Text, true)
		}
	}
	wg.Wait()
	f.addr = addr
	f.components = make([][]string, len(reviews))
	for i, r := range reviews {
		f.components[i] = components[r.ID]
	}
	f.texts, f.named = make([]*actionText, len(texts)), make([][]string, len(texts))
	inParallel(len(texts), func(lo, hi int) {
		for n := lo; n < hi; n++ {
			f.texts[n] = addr.actionText(texts[n])
			if isAction[n] {
				f.named[n] = touch.named(texts[n])
			}
		}
	})
	return f
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
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(keys)) {
		wg.Go(func() {
			s := newAddressMemo(len(f.texts))
			for g := int(next.Add(1) - 1); g < len(keys); g = int(next.Add(1) - 1) {
				members := groups[keys[g]]
				words := f.addr.wordings(classes[members[0]])
				s.reset()
				for _, i := range members {
					do(i, words, s)
				}
			}
		})
	}
	wg.Wait()
}

// addressMemo remembers, for one set of wordings at a time, which of them each text states
// first. It is used by one goroutine at a time.
type addressMemo struct {
	gen   uint32
	seen  []uint32 // seen[n] == gen when stated[n] holds for text n
	first []int32  // the index of the first wording text n states, or -1
}

func newAddressMemo(texts int) *addressMemo {
	return &addressMemo{seen: make([]uint32, texts), first: make([]int32, texts)}
}

// reset forgets everything, for another set of wordings.
func (s *addressMemo) reset() { s.gen++ }

// stated returns the index of the first of the wordings that text n states, or -1.
func (s *addressMemo) stated(texts []*actionText, words []classWording, n int32) int {
	if s.seen[n] == s.gen {
		return int(s.first[n])
	}
	k := -1
	for i, w := range words {
		if w.in(texts[n]) {
			k = i
			break
		}
	}
	s.seen[n], s.first[n] = s.gen, int32(k)
	return k
}
