package analysis

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/fixtures/factorgen"
)

// scoreRow is one line of the quality table.
type scoreRow struct {
	set, labels, method string
	clusters            int
	ari, nmi            float64
}

func logScores(t *testing.T, rows []scoreRow) {
	t.Helper()
	var b strings.Builder
	b.WriteString("\n| set | labels | method | clusters | ARI | NMI |\n|---|---|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %s | %s | %d | %.3f | %.3f |\n", r.set, r.labels, r.method, r.clusters, r.ari, r.nmi)
	}
	t.Log(b.String())
}

// evaluate scores Themes with the default taxonomy, with none, and the baseline, against each
// of the truths (named by labelNames) of the statements texts, keyed by keys.
func evaluate(set string, reviews []metamortem.Review, keys []ThemeMember, texts []string, truths map[string][]string, opts ThemeOptions) []scoreRow {
	var rows []scoreRow
	ours, k := themeLabels(Themes(reviews, opts), keys)
	noTax := opts
	noTax.Taxonomy = &Taxonomy{}
	clustered, kc := themeLabels(Themes(reviews, noTax), keys)
	for _, name := range []string{"l1", "l2", "theme"} {
		truth, ok := truths[name]
		if !ok {
			continue
		}
		base := scoreBaseline(texts, truth, k)
		rows = append(rows,
			scoreRow{set, name, "ours (taxonomy + clusters)", k, AdjustedRandIndex(truth, ours), NormalizedMutualInfo(truth, ours)},
			scoreRow{set, name, "ours, clusters only (empty taxonomy)", kc, AdjustedRandIndex(truth, clustered), NormalizedMutualInfo(truth, clustered)},
			scoreRow{set, name, "baseline, cut to ours' cluster count", k, base.ariK, base.nmiK},
			scoreRow{set, name, fmt.Sprintf("baseline, oracle threshold %.2f", base.bestThreshold), base.bestClusters, base.ariBest, base.nmiBest},
		)
	}
	return rows
}

// generatedEval returns the generated evaluation set: statements, their keys and true themes.
func generatedEval(n int, seed uint64) (factorgen.Set, []ThemeMember, []string, []string) {
	gen := factorgen.Generate(n, seed)
	keys := make([]ThemeMember, len(gen.Statements))
	texts := make([]string, len(gen.Statements))
	truth := make([]string, len(gen.Statements))
	for i, s := range gen.Statements {
		keys[i] = ThemeMember{ReviewID: s.ReviewID, Factor: s.Factor}
		texts[i], truth[i] = s.Text, s.Theme
	}
	return gen, keys, texts, truth
}

// TestThemesBeatBaselineOnGenerated scores Themes on 600 generated statements for each of the
// seeds of the README's quality table.
func TestThemesBeatBaselineOnGenerated(t *testing.T) {
	for _, seed := range []uint64{7, 3, 11} {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			gen, keys, texts, truth := generatedEval(600, seed)
			opts := ThemeOptions{Components: gen.Components, Teams: gen.Teams, People: gen.People}
			rows := evaluate(fmt.Sprintf("generated (600, seed %d)", seed), gen.Reviews, keys, texts, map[string][]string{"theme": truth}, opts)
			logScores(t, rows)
			ours, clustersOnly, baseK, baseBest := rows[0], rows[1], rows[2], rows[3]
			// The whole of Themes must beat the baseline however it is cut, even at the threshold
			// chosen by looking at the answers.
			if ours.ari <= baseBest.ari || ours.ari <= baseK.ari || ours.nmi <= baseBest.nmi || ours.nmi <= baseK.nmi {
				t.Errorf("ours: ARI %.3f, NMI %.3f; want above the baseline's %.3f, %.3f (cut to k) and %.3f, %.3f (oracle)",
					ours.ari, ours.nmi, baseK.ari, baseK.nmi, baseBest.ari, baseBest.nmi)
			}
			// Clustering alone must beat the baseline cut to as many clusters on seed 7; against
			// the oracle cut, and on the other seeds (on seed 11 its NMI is below the baseline's),
			// it is about level, which the table records.
			if seed == 7 && (clustersOnly.ari <= baseK.ari || clustersOnly.nmi <= baseK.nmi) {
				t.Errorf("clusters only: ARI %.3f, NMI %.3f; want above the baseline's %.3f, %.3f (cut to k)",
					clustersOnly.ari, clustersOnly.nmi, baseK.ari, baseK.nmi)
			}
		})
	}
}

// TestThemesOnCloudIncidents measures Themes on the labelled rows of the cloud incidents CSV in
// the corpus: statement = title and summary, truth = root_cause_l1 and root_cause_l2. The labels
// are never given to Themes.
func TestThemesOnCloudIncidents(t *testing.T) {
	corpus := os.Getenv("METAMORTEM_CORPUS")
	if corpus == "" {
		t.Skip("METAMORTEM_CORPUS is not set; set it to the shared corpus folder to measure theme quality on labelled incidents")
	}
	f, err := os.Open(filepath.Join(corpus, "cloud-incidents-csv", "cloud_incidents_dev.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range records[0] {
		col[strings.TrimPrefix(h, "\ufeff")] = i
	}
	var reviews []metamortem.Review
	var keys []ThemeMember
	var texts []string
	truths := map[string][]string{}
	for _, rec := range records[1:] {
		l1, l2 := rec[col["root_cause_l1"]], rec[col["root_cause_l2"]]
		if strings.TrimSpace(l2) == "" || strings.TrimSpace(l1) == "unknown" {
			continue
		}
		text := strings.TrimSpace(rec[col["title"]]) + ". " + strings.TrimSpace(rec[col["summary"]])
		r := metamortem.Review{ID: rec[col["id"]], Title: rec[col["title"]], Factors: []metamortem.Factor{{Text: text}}}
		if d, err := time.Parse("2006-01-02", rec[col["date"]]); err == nil {
			r.StartedAt = &d
		}
		reviews = append(reviews, r)
		keys = append(keys, ThemeMember{ReviewID: r.ID})
		texts = append(texts, text)
		truths["l1"] = append(truths["l1"], normaliseLabel(l1))
		truths["l2"] = append(truths["l2"], normaliseLabel(l2))
	}
	if len(reviews) < 100 {
		t.Fatalf("read %d labelled rows; want at least 100", len(reviews))
	}
	rows := evaluate(fmt.Sprintf("cloud incidents (%d rows)", len(reviews)), reviews, keys, texts, truths, ThemeOptions{})
	logScores(t, rows)
}
