package contract

import "testing"

func TestNumbersEqual(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"2", "2", true},
		{"2", "2.0", true},
		{"1.50", "1.5", true},
		{"100", "1e2", true},
		{"100", "1e+2", true},
		{"100", "1E2", true},
		{"0.001", "1e-3", true},
		{"0.001", "10e-4", true},
		{"120", "1.2e2", true},
		{"-0", "0", true},
		{"0", "0e-1000000", true},
		{"-1", "1", false},
		{"2", "20", false},
		{"1e1000000", "10e999999", true},
		{"2", "1e1000000", false},
		{"0", "1e-1000000", false},
		{"12345678901234567890", "12345678901234567891", false},
		// Not JSON numbers: equal to nothing, even when big.Rat would read them.
		{"2", "0x2", false},
		{"2", "4/2", false},
		{"2", "0b10", false},
		{"2", "+2", false},
		{"10", "1_0", false},
		{"2", "2.", false},
		{"0.5", ".5", false},
		{"1e-5", "1e+-5", false},
		{"1", "1e99999999999999999999", false},
		{"2", "", false},
		{"0", "0e2000000000000", true}, // an exponent past every float is still zero
		{"2", "02", false},             // leading zeros are not JSON
		{"-", "-", false},
		{"1", "1e", false},
		{"1", "1.0e0", true},
		{"0", "0E1200000000000000000", true}, // zero past every exponent limit is zero
		{"0E1170000000000000000", "0E1170000000000000000", true},
		{"1e99999999999999999999", "1e99999999999999999999", true}, // a number equals its own spelling
		{"1e99999999999999999999", "1e99999999999999999998", false},
		{"1e+", "1e+", false},
		{"1e", "1e", false},
	}
	for _, tt := range tests {
		if got := NumberEqual(tt.a, tt.b); got != tt.want {
			t.Errorf("NumberEqual(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := NumberEqual(tt.b, tt.a); got != tt.want {
			t.Errorf("NumberEqual(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

// BenchmarkDecode reads a small request body: Decode (one pass over the bytes) next to
// encoding/json's tokenizer, which Decode falls back to for what is not plainly valid.
func BenchmarkDecode(b *testing.B) {
	data := []byte(`{"user":"larry","tags":["a","b"],"page":{"size":20,"after":"x1"}}`)
	b.Run("decode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Decode(data, "body"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("tokens", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := decodeTokens(data, "body"); err != nil {
				b.Fatal(err)
			}
		}
	})
}
