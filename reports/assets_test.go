package reports

import "testing"

func TestScriptHash(t *testing.T) {
	// Hashes as a browser computes them (checked with openssl dgst -sha256); the last three are one script with different newlines.
	tests := []struct{ in, want string }{
		{"", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"},
		{"a\nb", "'sha256-fhj3NzEbLcOy8mndeDlrA1HxT7Zu+oefdoyyMYGIPHg='"},
		{"a\r\nb", "'sha256-fhj3NzEbLcOy8mndeDlrA1HxT7Zu+oefdoyyMYGIPHg='"},
		{"a\rb", "'sha256-fhj3NzEbLcOy8mndeDlrA1HxT7Zu+oefdoyyMYGIPHg='"},
	}
	for _, tt := range tests {
		if got := scriptHash(tt.in); got != tt.want {
			t.Errorf("scriptHash(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}
