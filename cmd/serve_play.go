package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cast"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/runtime"
	"github.com/backwards-backend/bb/internal/spec"
)

// PlayOptions say how bb serve plays the stubs: the scenario, chaos and the seed.
type PlayOptions struct {
	Scenario string
	Chaos    float64
	Seed     uint64
	Proxy    string // the backend for requests no endpoint answers; "" leaves it to server.proxy
	Record   bool
	Log      runtime.LogLevel
}

// bindPlayFlags declares --scenario, --chaos and --seed, which BB_SCENARIO, BB_CHAOS and
// BB_SEED also set.
func bindPlayFlags(c *cobra.Command, v *viper.Viper, opts *PlayOptions) {
	f := c.Flags()
	f.StringVar(&opts.Scenario, "scenario", "", "answer every request as this scenario (a request's X-BB-Scenario header still chooses its own)")
	f.Float64Var(&opts.Chaos, "chaos", 0, "give this share of all requests a random fault (503, dropped or reset connection, malformed or slow body, extra delay), e.g. --chaos 0.1")
	f.Uint64Var(&opts.Seed, "seed", 0, "seed the random choices (chances, delay ranges, chaos, uuid and random in templates), so a run can be repeated; 0 picks one at random")
	f.StringVar(&opts.Proxy, "proxy", "", "pass the requests no endpoint answers to this backend, e.g. http://localhost:8080 (default: the spec's server.proxy)")
	f.BoolVar(&opts.Record, "record", false, "with a proxy: write each new answer of the backend into bb.yaml as a stub endpoint (never its cookies or credentials)")
	f.String("log", "all", "which requests to log: all, errors (an error status, or a request the ejected server would refuse) or off; reloads and errors always print")
	for _, name := range []string{"scenario", "chaos", "seed", "proxy", "record", "log"} {
		_ = v.BindPFlag(name, f.Lookup(name))
	}
}

// mergePlayConfig reads the play settings from flags and the environment, and warns
// about a scenario no response of the spec names.
func mergePlayConfig(v *viper.Viper, s *spec.Spec, opts *PlayOptions) (warning string, err error) {
	opts.Scenario = strings.TrimSpace(v.GetString("scenario"))
	if opts.Chaos, err = cast.ToFloat64E(v.Get("chaos")); err != nil || opts.Chaos < 0 || opts.Chaos > 1 {
		return "", &usageError{err: fmt.Errorf("chaos %q must be a share of requests between 0 and 1, e.g. 0.1 (from --chaos or BB_CHAOS)", v.Get("chaos"))}
	}
	if opts.Seed, err = cast.ToUint64E(v.Get("seed")); err != nil {
		return "", &usageError{err: fmt.Errorf("seed %q is not a whole number (from --seed or BB_SEED)", v.Get("seed"))}
	}
	level := v.GetString("log")
	if !v.IsSet("log") && s.Server.Log != "" {
		level = s.Server.Log
	}
	if opts.Log, err = runtime.ParseLogLevel(level); err != nil {
		return "", &usageError{err: fmt.Errorf("log (from --log, BB_LOG or server.log): %v", err)}
	}
	opts.Proxy = strings.TrimSpace(v.GetString("proxy"))
	if opts.Proxy != "" {
		if err := spec.CheckProxyURL(opts.Proxy); err != nil {
			return "", &usageError{err: fmt.Errorf("proxy (from --proxy or BB_PROXY): %v", err)}
		}
	}
	if opts.Record, err = cast.ToBoolE(v.Get("record")); err != nil {
		return "", &usageError{err: fmt.Errorf("record %q is not true or false (from --record or BB_RECORD)", v.Get("record"))}
	}
	if opts.Record && opts.Proxy == "" && s.Server.Proxy == "" {
		return "", &usageError{err: fmt.Errorf("--record writes down what a backend answers, so it needs one: add --proxy URL, or server.proxy in %s", s.File)}
	}
	if opts.Scenario != "" {
		names := s.Scenarios()
		found := false
		for _, n := range names {
			found = found || n == opts.Scenario
		}
		if !found {
			warning = fmt.Sprintf("warning: no response in %s has scenario %q, so it answers as if none were chosen", s.File, opts.Scenario)
			if sug := spec.Suggest(opts.Scenario, names); sug != "" {
				warning += fmt.Sprintf("; did you mean %q?", sug)
			}
		}
	}
	return warning, nil
}

// banner says where unanswered requests go, for the startup banner; "" for nowhere.
func (o PlayOptions) banner(s *spec.Spec) string {
	to := o.Proxy
	if to == "" {
		to = s.Server.Proxy
	}
	switch {
	case to == "":
		return ""
	case o.Record:
		return fmt.Sprintf("requests no endpoint answers go to %s; each new answer is recorded into %s", to, s.File)
	}
	return fmt.Sprintf("requests no endpoint answers go to %s", to)
}

// play is how the stubs play for these settings.
func (o PlayOptions) play() *contract.Play {
	return &contract.Play{Scenario: o.Scenario, Faults: true, Chaos: o.Chaos, Rand: contract.NewRand(o.Seed)}
}
