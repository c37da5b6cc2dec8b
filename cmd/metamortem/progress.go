package main

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/term"
)

// progressFunc returns a progress callback that redraws one line on w when w is a terminal,
// and nil (no progress at all) otherwise. The line carries no colour, so NO_COLOR has nothing
// to turn off; it is honoured by never adding any.
func progressFunc(w io.Writer, what string) func(done, total int) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return func(done, total int) {
		fmt.Fprintf(w, "\r%s: %d/%d", what, done, total)
		if done >= total {
			fmt.Fprint(w, "\r\033[K")
		}
	}
}
