package identity

import (
	"slices"
	"testing"
)

func TestPersonKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ines Moreau", "ines moreau"},
		{"  @imoreau, ", "imoreau"},
		{"(Ines   Moreau)", "ines moreau"},
		{"i.moreau", "i.moreau"},
		{"I. Moreau", "i. moreau"},
		{"imoreau@quill.example", "imoreau@quill.example"},
		{"—", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := personKey(tt.in); got != tt.want {
			t.Errorf("personKey(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Payments API", "paymentsapi"},
		{"payments-api", "paymentsapi"},
		{"payments_api", "paymentsapi"},
		{" payments.api ", "paymentsapi"},
		{"Ödeme-Dienst", "ödemedienst"},
		{"--", ""},
	}
	for _, tt := range tests {
		if got := foldKey(tt.in); got != tt.want {
			t.Errorf("foldKey(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestEmailLocal(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ines.moreau@quill.example", "ines.moreau"},
		{"imoreau@corp", "imoreau"},
		{"@imoreau", ""},
		{"imoreau@", ""},
		{"Ines Moreau <ines@quill.example>", ""},
		{"a@b@c", "a@b"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := emailLocal(tt.in); got != tt.want {
			t.Errorf("emailLocal(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestFullName(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Ines Moreau", []string{"ines", "moreau"}},
		{"Hedda van Dijk", []string{"hedda", "van", "dijk"}},
		{"Anne-Marie O'Neil", []string{"anne-marie", "o'neil"}},
		{"Ines", nil},
		{"I. Moreau", nil},
		{"I Moreau", nil},
		{"Ines Moreau (SRE)", nil},
		{"payments team 2", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := fullName(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("fullName(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestInitialsOf(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Ines Moreau", []string{"im"}},
		{"Hedda van Dijk", []string{"hvd", "hd"}},
		{"ines moreau", []string{"im"}},
		{"Oskar Lind Berg", []string{"olb"}},
	}
	for _, tt := range tests {
		if got := initialsOf(tt.in, fullName(tt.in)); !slices.Equal(got, tt.want) {
			t.Errorf("initialsOf(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestHandlesOf(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Ines Moreau", []string{"inesmoreau", "imoreau"}},
		{"Hedda van Dijk", []string{"heddadijk", "hdijk", "heddavandijk", "hvandijk"}},
		{"Anne-Marie Holm", []string{"annemarieholm", "aholm"}},
	}
	for _, tt := range tests {
		if got := handlesOf(fullName(tt.in)); !slices.Equal(got, tt.want) {
			t.Errorf("handlesOf(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsInitials(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"IM", true},
		{"HVD", true},
		{"ABCD", true},
		{"ABCDE", false},
		{"I", false},
		{"im", false},
		{"I.M.", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isInitials(tt.in); got != tt.want {
			t.Errorf("isInitials(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestInitialAndLast(t *testing.T) {
	tests := []struct {
		in      string
		initial rune
		last    string
		ok      bool
	}{
		{"I. Moreau", 'i', "moreau", true},
		{"I Moreau", 'i', "moreau", true},
		{"Ines Moreau", 0, "", false},
		{"I. M.", 0, "", false},
		{"I. van Dijk", 0, "", false},
		{"1. Moreau", 0, "", false},
		{"", 0, "", false},
	}
	for _, tt := range tests {
		initial, last, ok := initialAndLast(tt.in)
		if initial != tt.initial || last != tt.last || ok != tt.ok {
			t.Errorf("initialAndLast(%q) = %q, %q, %v; want %q, %q, %v", tt.in, initial, last, ok, tt.initial, tt.last, tt.ok)
		}
	}
}

func TestStripAffix(t *testing.T) {
	tests := []struct{ in, want string }{
		{"paymentsapi", "payments"},
		{"paymentsservice", "payments"},
		{"paymentssvc", "payments"},
		{"servicepayments", "payments"},
		{"paymentsweb", "paymentsweb"},
		{"api", "api"},
		{"dbapi", "dbapi"},
		{"services", "services"},
	}
	for _, tt := range tests {
		if got := stripAffix(tt.in); got != tt.want {
			t.Errorf("stripAffix(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"paymentsweb", "paymentweb", true},
		{"paymentsweb", "paymentsweb", false},
		{"ledgerdb", "ledgerdc", true},
		{"ledgerdb", "ledgerdbx", true},
		{"xledgerdb", "ledgerdb", true},
		{"paymnetsweb", "paymentsweb", false},
		{"worker1", "worker2", false},
		{"worker", "worker2", false},
		{"ledgerdb", "ledger", false},
		{"", "a", true},
	}
	for _, tt := range tests {
		if got := oneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v; want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Payments API latency", []string{"payments", "api", "latency"}},
		{"payments-api, payments_web.", []string{"payments-api", "payments_web"}},
		{"pay- api -x", []string{"pay", "api", "x"}},
		{"Ödeme-Dienst fiel aus", []string{"ödeme-dienst", "fiel", "aus"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range tokenize(tt.in) {
			got = append(got, tok.word)
			if tt.in[tok.start:tok.end] == "" {
				t.Errorf("tokenize(%q): empty token at %d", tt.in, tok.start)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("tokenize(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
