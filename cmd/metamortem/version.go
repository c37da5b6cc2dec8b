package main

import "runtime/debug"

// version is the module version the binary was built from ("devel" for a work tree build), as
// `metamortem --version` and SARIF output report it.
var version = func() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}()
