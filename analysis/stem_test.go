package analysis

import "testing"

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"pools", "pool"},
		{"pool", "pool"},
		{"exhausted", "exhaust"},
		{"exhaustion", "exhaust"},
		{"exhausting", "exhaust"},
		{"connections", "connect"},
		{"connecting", "connect"},
		{"configuration", "configur"},
		{"configured", "configur"},
		{"configure", "configur"},
		{"migrations", "migr"},
		{"migrated", "migr"},
		{"migrating", "migr"},
		{"deployment", "deploy"},
		{"deploys", "deploy"},
		{"certificates", "certific"},
		{"certificate", "certific"},
		{"expired", "expir"},
		{"expires", "expir"},
		{"expiration", "expir"},
		{"retries", "retri"},
		{"retry", "retri"},
		{"retried", "retri"},
		{"memory", "memori"},
		{"running", "run"},
		{"stopped", "stop"},
		{"called", "call"},
		{"enabled", "enabl"},
		{"enable", "enabl"},
		{"optimized", "optim"},
		{"readiness", "readi"},
		{"ready", "readi"},
		{"slowly", "slow"},
		{"processes", "process"},
		{"class", "class"},
		{"status", "status"},
		{"analysis", "analysis"},
		{"exceeded", "exceed"},
		{"string", "string"},
		{"thing", "thing"},
		{"region", "region"},
		{"comment", "comment"},
		{"validation", "valid"},
		{"validator", "valid"},
		{"dns", "dns"},
		{"ec2", "ec2"},
		{"x509", "x509"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := stem(tt.in); got != tt.want {
			t.Errorf("stem(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
