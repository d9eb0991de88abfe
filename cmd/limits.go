package cmd

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/viper"

	"github.com/backwards-backend/bb/internal/spec"
)

// specOptions reads how large a spec may be from BB_MAX_SPEC_SIZE and BB_MAX_SPEC_BODY.
// Every command that loads a spec calls it, so check, serve (and its reloads) and the
// generators all load within the same limits. The limits come from the environment only,
// never from bb.yaml: a spec must not be able to raise its own limits.
func specOptions() (spec.Options, error) {
	v := viper.New()
	_ = v.BindEnv("max-spec-size", spec.EnvMaxSize)
	_ = v.BindEnv("max-spec-body", spec.EnvMaxBodySize)
	var o spec.Options
	var err error
	if o.MaxSize, err = envSize(v, "max-spec-size", spec.EnvMaxSize); err != nil {
		return o, err
	}
	if o.MaxBodySize, err = envSize(v, "max-spec-body", spec.EnvMaxBodySize); err != nil {
		return o, err
	}
	return o, nil
}

// envSize reads one size setting; unset or empty means 0, the default.
func envSize(v *viper.Viper, key, env string) (int64, error) {
	text := strings.TrimSpace(v.GetString(key))
	if text == "" {
		return 0, nil
	}
	n, err := parseSize(text)
	if err != nil {
		return 0, &usageError{err: fmt.Errorf("%s=%q: %v", env, text, err)}
	}
	return n, nil
}

// sizeUnits are the units parseSize takes, by their lower-case spelling.
var sizeUnits = map[string]float64{
	"": 1, "b": 1,
	"k": 1 << 10, "kb": 1e3, "kib": 1 << 10,
	"m": 1 << 20, "mb": 1e6, "mib": 1 << 20,
	"g": 1 << 30, "gb": 1e9, "gib": 1 << 30,
}

// parseSize reads a positive byte count: 1048576, 512KiB, 16MiB, 1.5GiB, 20MB.
func parseSize(text string) (int64, error) {
	s := strings.TrimSpace(text)
	i := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if i < 0 {
		i = len(s)
	}
	unit, ok := sizeUnits[strings.ToLower(strings.TrimSpace(s[i:]))]
	num, err := strconv.ParseFloat(s[:i], 64)
	if !ok || err != nil || s[:i] == "" {
		return 0, fmt.Errorf("not a size; write a number of bytes, or one with a unit such as 32MiB")
	}
	n := num * unit
	if n < 1 || n > 1<<50 {
		return 0, fmt.Errorf("must be a size between 1B and 1024TiB")
	}
	return int64(n), nil
}
