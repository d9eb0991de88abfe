package cmd

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cast"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/runtime"
	"github.com/backwards-backend/bb/internal/spec"
	"github.com/backwards-backend/bb/internal/tables"
)

// ServeOptions are the settings of `bb serve`, merged from flags, BB_* environment
// variables, the spec's server section and defaults, in that order.
type ServeOptions struct {
	Path      string
	Host      string
	Port      int
	MaxBody   int64
	NoCORS    bool
	Validate  bool
	NoWatch   bool
	SwiftOut  string
	SwiftName string
	// NoInspector turns the inspector page at /_bb/ off; InspectorKeep is how many
	// requests it keeps in memory.
	NoInspector   bool
	InspectorKeep int
	// Reset puts every resource back to its seed records before serving.
	Reset bool
	Spec  spec.Options // limits, from the environment; reloads keep them
	Play  PlayOptions

	// CORSOrigins are the origins allowed with credentials, as contract.ParseOrigins
	// writes them; nil leaves it to the spec's server.cors.origins.
	CORSOrigins []string

	// Ready, when set, is told the address once the server listens (tests use it).
	Ready func(addr string)

	flags *pflag.FlagSet // to say which flag or variable a bad setting came from
}

func newServeCmd(streams *IO) *cobra.Command {
	opts := &ServeOptions{}
	var v *viper.Viper
	c := &cobra.Command{
		Use:   "serve [dir|file]",
		Short: "Answer every endpoint in bb.yaml on localhost, reloading on each save",
		Long: `Answer every endpoint in bb.yaml on localhost, reloading on each save.

Serve every endpoint in bb.yaml with its stub responses. Saving the file
changes the answers at once; a bad edit is reported and the last good spec keeps
serving. A request no endpoint answers gets a 404, and the log prints the
bb.yaml snippet that would answer it.

A request that does not fit the types the spec implies (a missing key, a
string where a number belongs) still gets its stub, and the log names what the
ejected server would refuse; with --validate it gets that same 400 here.

Any web page may call it, without credentials (Access-Control-Allow-Origin: *);
the origins given with --cors-origin (or BB_CORS_ORIGINS, or server.cors.origins
in bb.yaml) get credentials too. --no-cors turns CORS off.

Responses can play: templates fill in request values, a sequence answers in
turn, a scenario answers requests with the X-BB-Scenario header (or all, with
--scenario), and chances and faults fail on purpose (see docs/play.md). POST
/_bb/reset from this machine starts every sequence and counter again, and puts
every resource back to its seed records. With
--proxy URL (or server.proxy), a request no endpoint answers goes to that
backend; --record writes each new answer into bb.yaml as a stub.

Resources (resources: in bb.yaml) remember: their records live in
.bb/state.db beside bb.yaml, survive restarts and reloads, and go back to
their seed records with --reset or POST /_bb/reset.

The inspector, at http://localhost:PORT/_bb/ on this machine only, shows each
request live: what the app sent, what bb answered and why, and the stub for a
request no endpoint answers (see docs/inspector.md). --no-inspector turns it off.

Settings come from flags, then BB_* environment variables (BB_PORT, BB_HOST,
BB_MAX_BODY, BB_NO_CORS, BB_CORS_ORIGINS, BB_VALIDATE, BB_SCENARIO, BB_CHAOS,
BB_SEED, BB_PROXY, BB_RECORD, BB_LOG), then the spec's server:
section, then defaults.`,
		Example: `  bb serve examples/messages
  bb serve --port 4100 ./bb.yaml
  bb serve --validate            # refuse requests the ejected server would refuse
  bb serve --host 0.0.0.0        # reachable from a phone on the same Wi-Fi
  bb serve --cors-origin http://localhost:5173   # this web app may send cookies
  bb serve --scenario empty      # answer as the responses of scenario "empty"
  bb serve --chaos 0.1 --seed 7  # 10% of requests fail at random, the same way each run
  bb serve --proxy http://localhost:8080 --record   # stub what the real backend answers
  bb serve --swift-out ../MyApp/MessagesAPI      # regenerate the Swift package on every save`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Path, _ = specArg(args, streams.Err)
			var err error
			if opts.Spec, err = specOptions(); err != nil {
				return err
			}
			// Ctrl-C and SIGTERM stop bb from here on, loading included; a second Ctrl-C
			// while stopping ends bb at once.
			ctx, stop := signal.NotifyContext(c.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			context.AfterFunc(ctx, stop)
			s, err := loadSpec(ctx, opts)
			if err != nil {
				if ctx.Err() != nil {
					return nil // asked to stop before serving
				}
				return err
			}
			if err := mergeServeConfig(v, s, opts); err != nil {
				return err
			}
			if w, err := mergePlayConfig(v, s, &opts.Play); err != nil {
				return err
			} else if w != "" {
				fmt.Fprintln(streams.Err, w)
			}
			if w := networkWarning(opts.Host); w != "" {
				fmt.Fprintln(streams.Err, w)
			}
			for _, w := range s.Warnings() {
				fmt.Fprintln(streams.Err, w)
			}
			return runServe(ctx, s, opts, streams)
		},
	}
	v = bindServeFlags(c, opts)
	bindPlayFlags(c, v, &opts.Play)
	return c
}

// bindServeFlags declares serve's flags and binds the ones that can also come from the
// environment or the spec to a fresh viper.
func bindServeFlags(c *cobra.Command, opts *ServeOptions) *viper.Viper {
	v := viper.New()
	f := c.Flags()
	opts.flags = f
	f.StringVar(&opts.Host, "host", "127.0.0.1", "address to listen on; 0.0.0.0 lets a phone on the same network connect")
	f.IntVarP(&opts.Port, "port", "p", spec.DefaultPort, "port to listen on")
	f.Int64Var(&opts.MaxBody, "max-body", runtime.DefaultMaxBody, "largest request body accepted, in bytes")
	f.BoolVar(&opts.NoCORS, "no-cors", false, "do not send CORS headers (they are on by default for local web clients)")
	f.StringSliceVar(&opts.CORSOrigins, "cors-origin", nil, "a web origin (scheme://host[:port]) allowed to call with credentials, such as http://localhost:5173; repeat it or separate origins with commas (other origins get * without credentials)")
	f.BoolVar(&opts.Validate, "validate", false, "refuse requests that do not fit the spec's types with the 400 the ejected server gives (without it they get the stub, and the log names the misfit)")
	f.BoolVar(&opts.NoWatch, "no-watch", false, "do not reload when bb.yaml changes")
	f.BoolVar(&opts.Reset, "reset", false, "put every resource back to its seed records before serving (they are kept in .bb/state.db)")
	f.StringVar(&opts.SwiftOut, "swift-out", "", "regenerate the Swift package into this folder after every reload")
	f.StringVar(&opts.SwiftName, "swift-name", "", "with --swift-out: the API name, as bb gen swift --name (default the spec's name)")
	f.BoolVar(&opts.NoInspector, "no-inspector", false, "do not serve the inspector page at /_bb/")
	f.IntVar(&opts.InspectorKeep, "inspector-keep", runtime.DefaultInspectorKeep, "how many requests the inspector keeps in memory")
	for _, name := range []string{"host", "port", "max-body", "no-cors", "cors-origin", "validate"} {
		_ = v.BindPFlag(name, f.Lookup(name))
	}
	_ = v.BindEnv("cors-origin", "BB_CORS_ORIGINS")
	v.SetEnvPrefix("BB")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	return v
}

// mergeServeConfig applies the precedence: flags > BB_* environment > spec > defaults.
func mergeServeConfig(v *viper.Viper, s *spec.Spec, opts *ServeOptions) error {
	cfg := map[string]any{}
	if s.Server.Port != 0 {
		cfg["port"] = s.Server.Port
	}
	if s.Server.Host != "" {
		cfg["host"] = s.Server.Host
	}
	if err := v.MergeConfigMap(cfg); err != nil {
		return err
	}
	// viper's Get* turn a bad value into zero without a word; an invalid BB_PORT must
	// not quietly become a random port. The error names where the value came from.
	bad := func(name, env, want string) error {
		return &usageError{cmd: "bb serve", err: fmt.Errorf("%s: %s", settingSource(opts.flags, name, env, v.Get(name)), want)}
	}
	var err error
	opts.Host = v.GetString("host")
	if opts.Port, err = cast.ToIntE(v.Get("port")); err != nil || opts.Port < 0 || opts.Port > 65535 {
		return bad("port", "BB_PORT", "the port must be a number from 0 to 65535")
	}
	if opts.MaxBody, err = cast.ToInt64E(v.Get("max-body")); err != nil || opts.MaxBody <= 0 {
		return bad("max-body", "BB_MAX_BODY", "must be a positive number of bytes")
	}
	if opts.NoCORS, err = cast.ToBoolE(v.Get("no-cors")); err != nil {
		return bad("no-cors", "BB_NO_CORS", "must be true or false")
	}
	if opts.CORSOrigins, err = corsOrigins(v, opts.NoCORS); err != nil {
		return err
	}
	if opts.Validate, err = cast.ToBoolE(v.Get("validate")); err != nil {
		return bad("validate", "BB_VALIDATE", "must be true or false")
	}
	return nil
}

// settingSource names where a setting's value came from, as the user wrote it:
// "--port 70000", "BB_PORT=abc", or the spec's server section.
func settingSource(f *pflag.FlagSet, name, env string, value any) string {
	if f != nil && f.Changed(name) {
		return fmt.Sprintf("--%s %v", name, value)
	}
	if text, ok := os.LookupEnv(env); ok {
		return env + "=" + text
	}
	return fmt.Sprintf("server.%s %v in the spec", name, value)
}

// loadSpec loads the spec to serve, and gives up the moment ctx ends: a signal must stop
// bb at once, even while it reads a spec that is slow to load or a file that blocks.
func loadSpec(ctx context.Context, opts *ServeOptions) (*spec.Spec, error) {
	type result struct {
		s   *spec.Spec
		err error
	}
	done := make(chan result, 1)
	if !opts.NoWatch && opts.Spec.Cache == nil {
		opts.Spec.Cache = spec.NewCache() // so that a reload reads only what changed
	}
	go func() {
		s, err := opts.Spec.Load(ctx, opts.Path)
		done <- result{s, err}
	}()
	select {
	case r := <-done:
		return r.s, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// corsOrigins reads --cors-origin or BB_CORS_ORIGINS; nil when neither is set.
func corsOrigins(v *viper.Viper, noCORS bool) ([]string, error) {
	var items []string
	switch val := v.Get("cors-origin").(type) {
	case string:
		items = []string{val}
	case []string:
		items = val
	}
	o, err := contract.ParseOrigins(items...)
	if err != nil {
		return nil, &usageError{err: fmt.Errorf("cors-origin (from --cors-origin or BB_CORS_ORIGINS): %w", err)}
	}
	if o.Empty() {
		return nil, nil
	}
	if noCORS {
		return nil, &usageError{err: fmt.Errorf("--no-cors turns CORS off, so --cors-origin (or BB_CORS_ORIGINS) has nothing to allow; drop one of them")}
	}
	return o.Credentialed, nil
}

// networkWarning is the line bb serve prints when it listens beyond this machine, or "".
func networkWarning(host string) string {
	if strings.EqualFold(host, "localhost") {
		return ""
	}
	if ip := net.ParseIP(strings.Trim(host, "[]")); ip != nil && ip.IsLoopback() {
		return ""
	}
	if host == "" {
		host = `"" (every interface)`
	}
	return fmt.Sprintf("warning: host %s lets every device on the network reach these stubs and bodyFiles; --host 127.0.0.1 keeps them on this machine", host)
}

func runServe(ctx context.Context, s *spec.Spec, opts *ServeOptions, streams *IO) error {
	cfg := runtime.Config{
		File:    s.File,
		Host:    opts.Host,
		Port:    opts.Port,
		Options: runtime.Options{MaxBody: opts.MaxBody, NoCORS: opts.NoCORS, CORSOrigins: strings.Join(opts.CORSOrigins, ","), Validate: opts.Validate, Play: opts.Play.play(), ProxyURL: opts.Play.Proxy},
		NoWatch: opts.NoWatch,
		Out:     streams.Out,
		Log:     streams.Out,
		Ready:   opts.Ready,
		Spec:    opts.Spec,
		TuneGC:  os.Getenv("GOGC") == "", // GOGC in the environment wins
	}
	if opts.SwiftOut != "" {
		cfg.OnReload = swiftRegenerator(opts.SwiftOut, opts.SwiftName)
	}
	if !opts.NoInspector {
		cfg.Inspector = &runtime.InspectorOptions{Keep: opts.InspectorKeep, SwiftCalls: swiftCalls(opts.SwiftName)}
	}
	if opts.Play.Record {
		cfg.Options.Record = &runtime.Recorder{File: s.File}
	}
	// Resources keep their records in .bb/state.db; the file appears with the first one.
	store := tables.Open(runtime.StatePath(s))
	defer store.Close()
	cfg.Options.Store, cfg.ResetState = store, opts.Reset
	cfg.LogLevel = opts.Play.Log
	if line := opts.Play.banner(s); line != "" {
		cfg.Notes = append(cfg.Notes, line)
	}
	return runtime.Serve(ctx, s, cfg)
}
