package cmd

import (
	"errors"
	"os"
	"testing"

	"github.com/backwards-backend/bb/internal/spec"
)

func TestParseSize(t *testing.T) {
	for _, c := range []struct {
		text string
		want int64
	}{
		{"1", 1}, {"1048576", 1 << 20}, {"512KiB", 512 << 10}, {"16MiB", 16 << 20}, {"16mib", 16 << 20},
		{"16 MiB", 16 << 20}, {"1.5MiB", 3 << 19}, {"2GiB", 2 << 30}, {"20MB", 20e6}, {"4k", 4 << 10},
		{"64B", 64}, {" 8M ", 8 << 20},
	} {
		if got, err := parseSize(c.text); err != nil || got != c.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", c.text, got, err, c.want)
		}
	}
	for _, text := range []string{"", "MiB", "lots", "-1", "0", "0.5", "16XB", "1.2.3MiB", "2048TiB", "99999999PiB"} {
		if got, err := parseSize(text); err == nil {
			t.Errorf("parseSize(%q) = %d; want an error", text, got)
		}
	}
}

// TestSpecOptionsFromEnvironment: the limits come from BB_MAX_SPEC_SIZE and
// BB_MAX_SPEC_BODY, unset means the defaults, and a bad value is a usage error.
func TestSpecOptionsFromEnvironment(t *testing.T) {
	for _, k := range []string{spec.EnvMaxSize, spec.EnvMaxBodySize} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	if o, err := specOptions(); err != nil || o != (spec.Options{}) {
		t.Errorf("unset: %+v, %v; want the zero Options", o, err)
	}
	t.Setenv(spec.EnvMaxSize, "32MiB")
	t.Setenv(spec.EnvMaxBodySize, "1000")
	if o, err := specOptions(); err != nil || o != (spec.Options{MaxSize: 32 << 20, MaxBodySize: 1000}) {
		t.Errorf("set: %+v, %v", o, err)
	}
	t.Setenv(spec.EnvMaxBodySize, "big")
	var ue *usageError
	if _, err := specOptions(); !errors.As(err, &ue) {
		t.Errorf("a bad value: %v; want a usage error", err)
	}
}
