package ingest

import (
	"reflect"
	"testing"

	"github.com/metamortem/metamortem"
)

func TestRemediationSubsections(t *testing.T) {
	src := `# Flags outage

## Remediation

### Immediate Actions (Completed)

- Timeouts moved to runtime configuration

### Short-term Improvements ([tracked here](https://github.com/example/app/issues/900))

- **Circuit breakers**: add breakers to the client

**Action item:** Declare incidents earlier. Owner: @kim

### Long-term Improvements

1. Load testing framework
   - https://github.com/example/app/pull/901
`
	r := parseOne(t, "flags.md", src)
	want := []metamortem.Action{
		{Text: "Timeouts moved to runtime configuration", Status: metamortem.ActionDone},
		{Text: "Circuit breakers: add breakers to the client", Status: metamortem.ActionUnknown, Ticket: "https://github.com/example/app/issues/900"},
		{Text: "Declare incidents earlier.", Owner: "@kim", Status: metamortem.ActionUnknown, Ticket: "https://github.com/example/app/issues/900"},
		{Text: "Load testing framework", Status: metamortem.ActionUnknown, Ticket: "https://github.com/example/app/pull/901"},
	}
	if !reflect.DeepEqual(r.Actions, want) {
		t.Errorf("Parse(remediation).Actions =\n%+v\nwant\n%+v", r.Actions, want)
	}
}
