package privacy

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
)

// DefaultKey is the key used when none is given. It is public, so anyone holding a list of
// candidate names can recompute their pseudonyms under it: it keeps names out of sight, not
// secret. Set a private key (METAMORTEM_PSEUDONYM_KEY) for output that leaves the organisation.
const DefaultKey = "metamortem pseudonyms v1"

// Prefix starts every pseudonym.
const Prefix = "person-"

// shortLength is the number of hex digits a pseudonym has unless two names of a set share them.
const shortLength = 6

// Pseudonyms maps each name of a set to its pseudonym: Prefix followed by the first six hex
// digits of the HMAC-SHA256 of the name under a key. Names of the set whose six digits
// coincide get as many more digits as it takes to tell them apart, so a pseudonym is stable
// across runs as long as no new name colliding with it joins the set.
type Pseudonyms struct {
	key   []byte
	names map[string]string
}

// New returns the pseudonyms of names under key (DefaultKey when key is empty). Names are
// trimmed; repeats and empty names are ignored.
func New(key string, names []string) *Pseudonyms {
	if key == "" {
		key = DefaultKey
	}
	p := &Pseudonyms{key: []byte(key), names: map[string]string{}}
	digests := map[string]string{}
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			digests[n] = p.digest(n)
		}
	}
	sorted := make([]string, 0, len(digests))
	for n := range digests {
		sorted = append(sorted, n)
	}
	slices.Sort(sorted)
	for _, n := range sorted {
		length := shortLength
		for _, other := range sorted {
			if other != n {
				length = max(length, commonPrefix(digests[n], digests[other])+1)
			}
		}
		p.names[n] = Prefix + digests[n][:min(length, len(digests[n]))]
	}
	return p
}

// Name returns the pseudonym of name. A name outside the set New was given gets its six-digit
// pseudonym, which no collision check has covered; an empty name stays empty.
func (p *Pseudonyms) Name(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	if s, ok := p.names[name]; ok {
		return s
	}
	return Prefix + p.digest(name)[:shortLength]
}

// digest returns the HMAC-SHA256 of name under the key, in hex.
func (p *Pseudonyms) digest(name string) string {
	mac := hmac.New(sha256.New, p.key)
	mac.Write([]byte(name))
	return hex.EncodeToString(mac.Sum(nil))
}

// commonPrefix returns the length of the longest common prefix of a and b.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
