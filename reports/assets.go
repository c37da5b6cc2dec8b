package reports

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"html/template"
	"strings"
)

// echartsVersion is the version of the ECharts library in assets/echarts.min.js.
const echartsVersion = "5.4.3"

//go:embed assets/echarts.min.js
var echartsJS string

//go:embed page.html.tmpl
var pageTemplate string

//go:embed page.css
var pageCSS string

//go:embed errors.js
var errorsJS string

//go:embed charts.js
var chartsJS string

// echartsStub stands in for the ECharts library when Options.stubECharts is set.
const echartsStub = "/* ECharts " + echartsVersion + " is left out of this file */"

// scriptHash returns the Content-Security-Policy source that allows one inline script. The hash
// is of the script as the browser sees it, after HTML parsing has turned CRLF and lone CR line
// endings into LF (echarts.min.js has CRLF in its licence comments).
func scriptHash(script string) string {
	script = strings.ReplaceAll(script, "\r\n", "\n")
	script = strings.ReplaceAll(script, "\r", "\n")
	sum := sha256.Sum256([]byte(script))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

var page = template.Must(template.New("page").Funcs(pageFuncs).Parse(pageTemplate))
