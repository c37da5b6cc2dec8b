package analysis

import (
	"maps"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestMaskText(t *testing.T) {
	m := NewMasker([]string{"payments-api", "checkout", "Payments API Gateway"}, []string{"Data", "payments"}, []string{"Priya Raman"})
	tests := []struct{ in, want string }{
		{"payments-api ran out of connections at 14:02 UTC", "{component} ran out of connections at {time}"},
		{"Checkout hit max_connections after 45 minutes.", "{component} hit max connections after {duration}"},
		{"Payments API Gateway and payments-api and payments", "{component} and {component} and {team}"},
		{"See https://example.com/x and OPS-123, #4521", "see {url} and {ticket} {ticket}"},
		{"db-1.prod.example.com at 10.0.0.1:5432 and fe80::1", "{host} at {ip} and {ip}"},
		{"upgraded to v1.2.3 from 1.2 (build 1.257.1)", "upgraded to {version} from {num} | build {version}"},
		{"wrote /var/log/app.log and values.yaml via ./deploy.sh", "wrote {path} and {path} via {path}"},
		{"Priya Raman paged @tokafor and ops@example.com", "{person} paged {person} and {email}"},
		{"The Data team saw data corruption", "the {team} team saw data corruption"},
		{"On 4 August 2015, August 5 and 2024-01-02T10:00Z", "on {date} and {date}"},
		{"on August 5 at 100,000 rps", "on {date} at {num} rps"},
		{"1 hour 20 minutes, then 100ms and 147 MB", "{duration} then {duration} and {num}"},
		{"13:55 PM and 09:58 CET", "{time} and {time}"},
		{"Root cause: disk full. Fixed", "root cause | disk full | fixed"},
		{"It wasn't monitored; e.g. nobody knew", "it wasnt monitored | e g nobody knew"},
		{"It wasn’t the cache’s fault", "it wasnt the caches fault"},
		{"", ""},
		{"   ", ""},
		{"!!! ... ???", ""},
	}
	for _, tt := range tests {
		if got := m.MaskText(tt.in); got != tt.want {
			t.Errorf("MaskText(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestMaskTextWithoutNames(t *testing.T) {
	var m *Masker
	if got, want := m.MaskText("checkout failed at 10:00"), "checkout failed at {time}"; got != want {
		t.Errorf("nil Masker: MaskText = %q; want %q", got, want)
	}
}

func stemmed(s string) string {
	return strings.Join(stemSeq(maskNumbers(splitWords(s)), nil), " ")
}

func TestStemSeqAndTerms(t *testing.T) {
	tests := []struct{ in, stems string }{
		{"The connection pools were exhausted; retries failed.", "connect pool exhaust  retri fail"},
		{"It wasn't monitored", "not monitor"},
		{"Disk on db-1.example.com was full", "disk full"},
		{"the was due to an issue", ""},
		{"Ran out of memory after 3 hours", "ran out memori"},
	}
	for _, tt := range tests {
		if got := stemmed(tt.in); got != tt.stems {
			t.Errorf("stemSeq(%q) = %q; want %q", tt.in, got, tt.stems)
		}
	}
	got := terms([]string{"connect", "pool", "exhaust", "", "retri", "fail"})
	want := []string{"connect", "connect pool", "pool", "pool exhaust", "exhaust", "retri", "retri fail", "fail"}
	if !slices.Equal(got, want) {
		t.Errorf("terms = %q; want %q", got, want)
	}
}

func TestTFIDF(t *testing.T) {
	// Two documents: idf(a) = idf(c) = ln(3/2)+1, idf(b) = 1. d1 has a twice (tf 1+ln 2) and b
	// once; d2 has b and c. Values below were worked out by hand from those.
	m := newTFIDF([][]string{{"a", "a", "b"}, {"b", "c"}}, []float64{1, 1})
	if want := []string{"a", "b", "c"}; !slices.Equal(m.terms, want) {
		t.Fatalf("terms = %q; want %q", m.terms, want)
	}
	d1, d2 := m.vector([]string{"b", "a", "a"}), m.vector([]string{"c", "b"})
	check := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s = %v; want %v", name, got, want)
		}
	}
	if !slices.Equal(d1.index, []int32{0, 1}) || !slices.Equal(d2.index, []int32{1, 2}) {
		t.Fatalf("indices = %v, %v; want [0 1], [1 2]", d1.index, d2.index)
	}
	check("d1[a]", d1.value[0], 0.9219069698164416)
	check("d1[b]", d1.value[1], 0.3874113305052739)
	check("d2[b]", d2.value[0], 0.5797386715376657)
	check("d2[c]", d2.value[1], 0.8148024746671689)
	check("d1·d2", d1.dot(d2), 0.22459733008576702)
	check("d1·d1", d1.dot(d1), 1)
	check("unknown terms", m.vector([]string{"zzz"}).dot(d1), 0)

	// A document standing for two: N = 3, df(a) = 2, df(b) = 3, so idf(a) = ln(4/3)+1, idf(b) = 1.
	w := newTFIDF([][]string{{"a", "b"}, {"b"}}, []float64{2, 1})
	check("weighted idf(a)", w.idf[0], math.Log(4.0/3)+1)
	check("weighted idf(b)", w.idf[1], 1)
}

func TestClassifyChunk(t *testing.T) {
	tests := []struct {
		in   string
		want Mask
	}{
		// Chunks classifyPlain answers.
		{"connections", ""},
		{"Checkout", ""},
		{"wasn't", ""},
		{"read-only", ""},
		{"x", ""},
		{"2024", MaskNumber},
		{"0", MaskNumber},
		{"9999999999999999999999999", MaskNumber},
		{"500s", ""},
		{"ec2", ""},
		{"5xx", ""},
		{"90's", ""},
		{"ABC123", ""},
		// Chunks at its border, left to the regular expressions.
		{"OPS-123", MaskTicket},
		{"ops-123", ""},
		{"x-1", ""},
		{"12-05-2024", MaskDate},
		{"2024-01-02", MaskDate},
		{"5-minute", ""},
		{"1,000", MaskNumber},
		{"1.2.3", MaskVersion},
		{"v2", ""},
		{"v2-rc1", ""},
		{"v1.2", MaskVersion},
		{"#4521", MaskTicket},
		{"10:00", MaskTime},
		{"values.yaml", MaskPath},
		{"db-1.example.com", MaskHost},
		{"ops@example.com", MaskEmail},
		{"www.example", MaskURL},
		{"a#12", MaskTicket},
		{"V1.2.3", MaskVersion},
		{"10.0.0.1:5432", MaskIP},
		{"9:30pm", MaskTime},
		{"Web-1.example.com", MaskHost},
		{"Max_Connections", ""},
		{"straße", ""},
		{"wasn’t", ""},
	}
	for _, tt := range tests {
		if got := classifyChunk(tt.in); got != tt.want {
			t.Errorf("classifyChunk(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestClassifyPlainAgreesWithPatterns checks every chunk of up to five characters from an
// alphabet of the kinds classifyPlain looks at: where it answers, the regular expressions must
// give the same answer.
func TestClassifyPlainAgreesWithPatterns(t *testing.T) {
	const alphabet = "aZv1'-."
	answered := 0
	var walk func(prefix string)
	walk = func(prefix string) {
		if prefix != "" {
			if got, ok := classifyPlain(prefix); ok {
				answered++
				if want := classifyPattern(prefix); got != want {
					t.Errorf("classifyPlain(%q) = %q; want %q, as classifyPattern says", prefix, got, want)
				}
			}
		}
		if len(prefix) < 5 {
			for _, c := range alphabet {
				walk(prefix + string(c))
			}
		}
	}
	walk("")
	if answered == 0 {
		t.Errorf("classifyPlain answered for no chunk; want it to answer for most")
	}
}

// TestStemmerCounts checks that a stemmer gives each word the stem stemSeq gives it, drops what
// stemSeq drops, and counts the words kept, negations as "not".
func TestStemmerCounts(t *testing.T) {
	var m stemmer
	words := splitWords("Pools exhausted; the pools wasn't resized, pools")
	got := strings.Join(appendStemSeq(nil, words, &m), " ")
	if want := "pool exhaust  pool not res pool"; got != want { // "" for the break
		t.Errorf("appendStemSeq(stemmer) = %q; want %q", got, want)
	}
	counts := map[string]int{}
	m.addCounts(counts)
	want := map[string]int{"pools": 3, "exhausted": 1, "not": 1, "resized": 1}
	if !maps.Equal(counts, want) {
		t.Errorf("stemmer counts = %v; want %v", counts, want)
	}
}
