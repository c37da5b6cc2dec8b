package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/metamortem/metamortem/store"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"metamortem": func() {
			os.Exit(run(context.Background(), os.Args[1:], streams{in: os.Stdin, out: os.Stdout, err: os.Stderr}))
		},
		// holddb DB READY opens DB for writing, creates the file READY, and holds the database
		// until killed, so scripts can test what other processes see.
		"holddb": func() {
			db, err := store.Open(context.Background(), os.Args[1], false)
			if err != nil {
				os.Stderr.WriteString(err.Error() + "\n")
				os.Exit(1)
			}
			defer db.Close()
			os.WriteFile(os.Args[2], nil, 0o644)
			time.Sleep(time.Minute)
		},
	})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			wd, err := os.Getwd()
			if err != nil {
				return err
			}
			env.Setenv("FIXTURES", filepath.Join(wd, "..", "..", "fixtures"))
			env.Setenv("METAMORTEM_DB", "")
			if corpus := os.Getenv("METAMORTEM_CORPUS"); corpus != "" {
				abs, err := filepath.Abs(corpus)
				if err != nil {
					return err
				}
				env.Setenv("METAMORTEM_CORPUS", abs)
			}
			return nil
		},
		// [corpus] holds when METAMORTEM_CORPUS names the real-world corpus.
		Condition: func(cond string) (bool, error) {
			if cond == "corpus" {
				return os.Getenv("METAMORTEM_CORPUS") != "", nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// waitfile PATH waits up to 30 s for PATH to exist.
			"waitfile": func(ts *testscript.TestScript, neg bool, args []string) {
				deadline := time.Now().Add(30 * time.Second)
				for time.Now().Before(deadline) {
					if _, err := os.Stat(ts.MkAbs(args[0])); err == nil {
						return
					}
					time.Sleep(20 * time.Millisecond)
				}
				ts.Fatalf("%s did not appear", args[0])
			},
		},
	})
}
