package ingest

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Tables become pipe tables with a header row, so that the Markdown reader finds timeline,
// action and key-value tables by their column names.

// tableElement renders a table: as a pipe table with a header row, or, for a table of one
// column that only lays out its content, as the blocks of its cells.
func (r *htmlRenderer) tableElement(n *html.Node) {
	rows := tableRows(n)
	width := 0
	for _, row := range rows {
		width = max(width, len(row.cells))
	}
	r.block()
	if width <= 1 {
		for _, row := range rows {
			for _, c := range row.cells {
				r.blockElement(c)
			}
		}
		return
	}
	texts := make([][]string, len(rows))
	for i, row := range rows {
		texts[i] = make([]string, width)
		for j, c := range row.cells {
			sub := newHTMLRenderer(r.plain, r.bold)
			sub.children(c)
			texts[i][j] = cellLine(sub.finish())
		}
	}
	if r.plain {
		for _, row := range texts {
			r.write(strings.TrimSpace(strings.Join(row, " | ")) + "\n")
		}
		return
	}
	if headerless(rows, texts) {
		texts = append([][]string{make([]string, width)}, texts...)
	}
	for i, row := range texts {
		r.write(r.indent + "| " + strings.Join(row, " | ") + " |\n")
		if i == 0 {
			r.write(r.indent + strings.Repeat("|---", width) + "|\n")
		}
	}
	r.write("\n")
}

// htmlRow is one table row: its cells and whether it sits in the table's head.
type htmlRow struct {
	cells []*html.Node
	head  bool
}

// tableRows returns the rows of a table, not those of tables nested in its cells.
func tableRows(table *html.Node) []htmlRow {
	var rows []htmlRow
	var visit func(n *html.Node, head bool)
	visit = func(n *html.Node, head bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.DataAtom {
			case atom.Thead:
				visit(c, true)
			case atom.Tbody, atom.Tfoot:
				visit(c, false)
			case atom.Tr:
				row := htmlRow{head: head}
				for cell := c.FirstChild; cell != nil; cell = cell.NextSibling {
					if cell.DataAtom == atom.Td || cell.DataAtom == atom.Th {
						row.cells = append(row.cells, cell)
					}
				}
				rows = append(rows, row)
			}
		}
	}
	visit(table, false)
	return rows
}

// headerless reports a table whose first row is data, not a header: a table of one row, or of
// key and value rows, with header cells down its first column or known metadata keys there.
func headerless(rows []htmlRow, texts [][]string) bool {
	if len(rows) == 1 {
		// One row is data: a header over nothing says nothing.
		return true
	}
	if len(rows) == 0 || rows[0].head || allHeaderCells(rows[0].cells) {
		return false
	}
	firstColumnTH := true
	keys := 0
	for i, row := range rows {
		if len(row.cells) == 0 || row.cells[0].DataAtom != atom.Th {
			firstColumnTH = false
		}
		if metaField(texts[i][0]) != "" {
			keys++
		}
	}
	return firstColumnTH || len(texts[0]) == 2 && keys*2 > len(rows) && metaField(texts[0][0]) != ""
}

func allHeaderCells(cells []*html.Node) bool {
	for _, c := range cells {
		if c.DataAtom != atom.Th {
			return false
		}
	}
	return len(cells) > 0
}

var reItemMarker = regexp.MustCompile(`^(?:[-*+]|\d{1,3}\.)\s+`)

// cellLine joins the rendering of a table cell into one line: list items by "; ", other lines
// by a space, bold around the whole cell dropped, pipes escaped.
func cellLine(md string) string {
	var b strings.Builder
	for _, ln := range strings.Split(md, "\n") {
		ln = strings.TrimSpace(ln)
		if ln == "" {
			continue
		}
		item := reItemMarker.MatchString(ln)
		if item {
			ln = reItemMarker.ReplaceAllString(ln, "")
		}
		if b.Len() > 0 {
			if item {
				b.WriteString("; ")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(ln)
	}
	s := b.String()
	if strings.HasPrefix(s, "**") && strings.HasSuffix(s, "**") && strings.Count(s, "**") == 2 {
		// A header cell in bold, as Google Docs writes them.
		s = strings.TrimSpace(s[2 : len(s)-2])
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, `\|`, "|"), "|", `\|`)
}
