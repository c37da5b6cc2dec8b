package reports

import (
	"context"
	"flag"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/metamortem/metamortem/analysis"
)

var screenshotCopy = flag.String("screenshot", "", "also save the browser test's screenshot to this PNG file")

// chromium returns the path of a headless-capable Chromium, or skips the test when there is
// none, unless METAMORTEM_REQUIRE_BROWSER=1 says the browser must be there.
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping the browser test under -short")
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("METAMORTEM_REQUIRE_BROWSER") == "1" {
		t.Fatal("chromium not found and METAMORTEM_REQUIRE_BROWSER=1; install it with apt-get install chromium")
	}
	t.Skip("chromium not found; install it with apt-get install chromium to run the browser test")
	return ""
}

// runChromium runs a headless Chromium on page with a fresh profile, no network features and
// the extra arguments, and returns what it wrote to standard output.
func runChromium(t *testing.T, bin, page string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	all := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(), "--virtual-time-budget=5000",
	}, args...)
	cmd := exec.CommandContext(ctx, bin, append(all, "file://"+page)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

// shotHeight is the height of the browser test's screenshot: enough for the whole report.
const shotHeight = 9000

func TestBrowserRendersReport(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	// The sample and the hostile reviews together, over both their quarters and with names
	// shown, so that every section has a chart and hostile text.
	from, _ := analysis.Quarter{Year: 2026, Q: 1}.Range()
	_, to := analysis.Quarter{Year: 2026, Q: 2}.Range()
	q := NewQuarterly(append(sampleReviews(), hostileReviews()...), sampleCatalog(), QuarterlyOptions{From: from, To: to, Names: true})
	page := filepath.Join(dir, "report.html")
	f, err := os.Create(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteHTML(f, q, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}

	dom := runChromium(t, bin, page, "--dump-dom")
	body := regexp.MustCompile(`<body[^>]*>`).FindString(dom)
	attr := func(name string) string {
		m := regexp.MustCompile(name + `="([^"]*)"`).FindStringSubmatch(body)
		if m == nil {
			return ""
		}
		return m[1]
	}
	if errs := attr("data-script-errors"); errs != "0" {
		t.Errorf("page recorded %s script errors: %s", errs, attr("data-script-error-messages"))
	}
	// One chart per section from the glance to review quality.
	const charts = 8
	if got, want := attr("data-charts-rendered"), strconv.Itoa(charts); got != want {
		t.Errorf("page rendered %q charts; want %s (body: %s)", got, want, body)
	}
	if got := attr("data-charts-expected"); got != strconv.Itoa(charts) {
		t.Errorf("page expected %q charts; want %d", got, charts)
	}
	if n := strings.Count(dom, `class="chart"`); n != charts {
		t.Errorf("page has %d chart elements; want %d", n, charts)
	}
	// Every chart element holds a drawing: ECharts' SVG renderer puts one <svg> in each.
	for _, id := range []string{"chart-glance", "chart-classes", "chart-themes", "chart-finalise", "chart-knowledge", "chart-ownership", "chart-actions", "chart-quality"} {
		if !regexp.MustCompile(`id="` + id + `"[^>]*>(?:<[^>]*>)*?<svg`).MatchString(dom) {
			t.Errorf("chart %s has no <svg> drawn in it", id)
		}
	}
	// The ECharts library has "<img" in a string; look only outside scripts.
	markup := regexp.MustCompile(`(?s)<script[^>]*>.*?</script>`).ReplaceAllString(dom, "")
	for _, tag := range []string{"<img", "<svg onload", "<b onmouseover"} {
		if strings.Contains(strings.ToLower(markup), tag) {
			t.Errorf("review text %q became an element in the page", tag)
		}
	}
	if !strings.Contains(dom, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Errorf("the page does not show the title %q as text", hostileTitle)
	}

	shot := filepath.Join(dir, "report.png")
	runChromium(t, bin, page, "--screenshot="+shot, "--window-size=1280,"+strconv.Itoa(shotHeight), "--hide-scrollbars")
	if *screenshotCopy != "" {
		data, err := os.ReadFile(shot)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*screenshotCopy, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	checkScreenshot(t, shot)
}

// checkScreenshot fails unless the PNG shows more than a blank page: many colours, and a good
// number of pixels in the colour of the bars.
func checkScreenshot(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	colours := map[[3]uint32]bool{}
	barPixels := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl := rgb(img, x, y)
			colours[[3]uint32{r, g, bl}] = true
			if near(r, 0x4c) && near(g, 0x72) && near(bl, 0xb0) {
				barPixels++
			}
		}
	}
	if b.Dx() != 1280 || b.Dy() != shotHeight {
		t.Errorf("screenshot is %dx%d; want 1280x%d", b.Dx(), b.Dy(), shotHeight)
	}
	if len(colours) < 16 {
		t.Errorf("screenshot has %d colours; want a drawn page", len(colours))
	}
	if barPixels < 2000 {
		t.Errorf("screenshot has %d pixels in the bar colour; want the charts drawn", barPixels)
	}
}

func rgb(img image.Image, x, y int) (r, g, b uint32) {
	r, g, b, _ = img.At(x, y).RGBA()
	return r >> 8, g >> 8, b >> 8
}

func near(got, want uint32) bool {
	return got+8 >= want && got <= want+8
}
